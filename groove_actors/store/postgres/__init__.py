"""The PostgreSQL store: several Central Command processes share one database (ARCHITECTURE "Scale-out")."""
