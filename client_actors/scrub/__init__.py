"""The scrubber: removes secrets and personal data from everything that leaves the machine.

Pure (no I/O, no clock, no randomness). `scrub_text` scrubs step content, command lines and file
contents; `scrub_value` walks JSON-like tool arguments; `scrub_texts` and `scrub_values` scrub many
at once, each as alone except that a home directory's user name found in one is removed from all.
`RULESET_VERSION` names the rule set for the envelope metadata; it changes whenever output would.

Output contract:
- Redactions are typed, stable tokens, ``[REDACTED:<kind>]`` with kind in `REDACTION_KINDS` (``aws-access-key``,
  ``github-token``, ``email``, ``person-name``, ``password``...). Home directories become ``~`` (``/home/alice/x``,
  ``/Users/bob/x``, ``C:\\Users\\carol\\x`` -> ``~/x``); their user name is also redacted where it stands alone in
  the same text, as is a shell prompt's (``alice@build-01:~/src$``, ``[alice@build-01 src]$``). A role's account
  stays (``root``, ``deploy``, ``ubuntu``...).
- Only kinds and counts are reported (`RuleCounts`), never a redacted value.
- ``scrub_text(scrub_text(x).text).text == scrub_text(x).text`` for every ``str`` x, and nothing
  is raised.

Decisions:
- Host addresses are redacted, private ones (RFC 1918, IPv6 unique-local) as public and carrier-grade NAT ones: an
  internal address maps an organisation's network (which host runs the database, the VPN, the CI runner). Also the
  address inside a host name (``ip-10-0-1-23.ec2.internal``), and an interface's own, whatever its host bits
  (``family inet address 10.106.179.204/30``, ``ip address``, ``inet``). Kept: loopback, the unspecified address,
  link-local, broadcast (``brd 192.168.50.255``, as ``ip addr`` prints it), netmasks, documentation, multicast and
  reserved ranges, the public DNS resolvers, and private networks (``10.0.0.0/8``, a route table's ``192.168.1.0``);
  see `_network`.
- Bank account numbers (IBAN) are redacted when valid: a registry country, its length and account layout,
  and the mod-97 check; compact or in groups of four (see `_iban`). Look-alikes failing any of these stay.
- A cloud service-account key's id (a key file's ``private_key_id``) is redacted as ``key`` wherever it
  is named as one: the key file in any syntax, and the CLI's listings, messages and resource names (see
  `_key_ids`). Forty hex digits elsewhere (commits, digests, etags) are kept.
- A value a rule took in one place of a text goes wherever else it stands whole in that text, with the same kind
  (an agent sets a variable and then uses its value): values of eight characters or more, five of them different,
  and people's names of two words or more (see `_echoes`).
- git's signing key (``user.signingkey``) and a ``GPG_KEY`` name a key by its id or fingerprint, which are public:
  they stay.
- Well-known placeholders (``changeme``, ``<your-api-key>``, ``${TOKEN}``, ``****``) are kept: they
  carry no secret, and they show where one goes (see `_names`).
- Reserved example domains (example.com/.org/.net, .example, .test, .invalid, localhost) and role accounts such as
  ``git@github.com``, ``noreply@`` and ``noreply-...@`` are kept; an address in an authenticator's ``otpauth://``
  label goes (no URL's password stands there). A card-shaped number under an identifier's name (``<report_id>``,
  ``"order_id":``) is an identifier, and stays.
- A URL keeps its scheme, host, port, path and a plain user name (``ssh://deploy@bastion.acme.io`` is an account
  and a host, not an address); its password, or a token given as its user, goes. An ssh command's destination
  and jump host stay the same way (``ssh -J ec2-user@bastion.acme.io deploy@db1.acme.io``, ssh_config's ``ProxyJump``).
- A bare word after ``name=`` is a value only where code is unlikely: ``NAME=value`` with an
  upper-case name, a line of its own (YAML, ini), or a CLI flag; ``connect(password=pw)`` keeps ``pw``. A
  dotted one on such a line is an attribute (``password = config.db_password``) unless it holds a symbol or
  an inner digit, or is two words and a number under a password's name (``smtp_pass = lilac.mango809``).
- Only the secret goes, never what says how it is used: cookie names and attributes, the other parameters of a query
  string, an Authorization scheme and the unsigned fields of AWS4 and Digest headers, the keys of a Secret manifest.
  Analytics and preference cookies, anonymous UUIDs, cleared cookies (``session=deleted``, under a cookie's name too),
  vendor-shaped fillers (``ghp_xxxx...``, ``sk-...``) and AWS's documented ``AKIA...EXAMPLE`` keys are kept.
- Keys a vendor publishes by design stay beside their secret twins, which go, under a key's name too
  (``POSTHOG_KEY=phc_...``): PostHog's project key (``phc_``; its personal key ``phx_`` goes), Mapbox's public token
  (``pk.``; ``sk.`` goes), Supabase's publishable key (``sb_publishable_``; ``sb_secret_`` goes), Stripe's publishable
  key (``pk_live_``; ``sk_live_`` and ``rk_live_`` go), and any value under a publishable key's name. Vendors' tokens
  are found by their published layouts, typed by the vendor where the kind names one, else as ``token``, ``api-key``,
  ``secret`` or ``password``. A prefix glued by "-" or "_" to the letters before it (``...A-sk-...``) is part of a
  longer run (base64url), no token.
- A NATS nkey seed (``SU...``, 58 characters of base32) goes as a ``private-key``; its public key (``U...``, 56, its
  checksum holding) is an identifier, and stays, as does a WireGuard or SSH public key, and any value under a public
  key's name (``DISCORD_PUBLIC_KEY``, Snowflake's ``RSA_PUBLIC_KEY``). A filler in a vendor's shape stays in several
  groups too (``xoxb-xxxx-xxxx-xxxx``) or glued to its prefix (``EAAAxxxx...``), as does a sample's ``password_here``,
  an instruction in its place ("put your unique phrase here", "enter your key") or Strapi's ``tobemodified``. DNSSEC's
  ``DNSKEY`` records hold a zone's public key, and stay.
- What a command prints on the line after it goes when the command says it is a secret: a named variable's or field's
  value (``printenv``, ``aws configure get aws_secret_access_key``), a password store's entry (``pass show``), a key
  generator's or a key file's (``wg genkey``, ``cat /etc/wireguard/privatekey``), a Wi-Fi key's (``nmcli -s -g
  802-11-wireless-security.psk connection show``, a passphrase of words too); and a token on the line under one that
  says it is new or the reader's (``New access token expires on ...``, ``Your API key:``). A stored secret's name
  (``gcloud secrets versions access latest --secret=db-password``) is no value, and stays.
- WordPress's keys and salts (``AUTH_KEY`` to ``NONCE_SALT``) go whatever they hold, blanks and brackets too; the
  sample file's "put your unique phrase here" stays. Under any key's name, a value of 32 characters or more drawn
  from letters, digits and symbols alike (a generated salt) goes as a random token would.
- A wallet's recovery phrase (12 to 24 words, as BIP-39 makes them) goes under a name that says it is one
  (``MNEMONIC``, ``SEED_PHRASE``, ``recovery_phrase``).
- Azure Application Insights instrumentation keys (``InstrumentationKey=<guid>`` and the connection strings that
  hold one) are kept: Microsoft documents them as identifiers, not secrets (every browser that reports telemetry
  is given one), and they only say where telemetry goes.
- Values sent in the clear that grant nothing are kept though their names end in a sensitive word: Postman's
  ``Postman-Token`` (a request id), ``Sec-WebSocket-Key`` (a handshake's nonce), a .NET assembly's ``publicKeyToken``,
  OpenTravel's ``EchoToken`` (a message's id), a service account token Secret's ``namespace``. A list of keys under a
  name that says they sign or encrypt (Strapi's ``APP_KEYS``) goes, but for the placeholders at its ends
  (``toBeModified2``).
- A password given to a server's CLI as it makes a user goes: ``htpasswd -b``, ``rabbitmqctl add_user``,
  ``mosquitto_passwd -b``, PocketBase's ``superuser upsert ADDRESS PASSWORD``; so does ``curl -u``'s password on a
  command continued from the lines before it. So do a keystore's ``storepass`` and ``keypass``, isync's ``Pass`` with
  two words and a number, a Google app password's four groups of four letters after a password's name on a line of
  its own, and a Terraform state's ``random_password`` result. A Kubernetes Secret's values go but for what describes
  them in the clear (Argo CD's ``type: git``, a ``url`` with no password in it) and what refers to another Secret's
  key (Argo CD's ``$webhook-github-secret``). Sauce Labs' access key (a UUID) goes after Sauce Connect's ``-k`` and
  as a config's ``key:`` beside Sauce, as does an S3-compatible store's HMAC key id (32 hex digits) beside its secret
  access key. So do a Jetty realm's passwords under its ``# username: password [,rolename ...]`` header, Redis
  Sentinel's ``auth-pass``, a password echoed into ``anydesk --set-password`` or printed twice into ``vncpasswd``, an
  address's password with no scheme (``root:PASSWORD@10.0.0.5:26257``), an API key given as curl's user (``-u KEY:``,
  its vendor's prefix before it: Lob's ``live_``, Clearbit's ``sk_``), a field ``jq`` prints out of a file when its
  name is sensitive (``.private_key_id``), and RustDesk's private key that ``cat id_ed25519`` prints. So do Ably's
  ``APPID.KEYID:SECRET`` keys where Ably is named, WHMCS's ``cc_encryption_hash``, the value an element's attributes
  give a setting whose name is a secret's (``<property name="db.password" value="..."/>``), Genesys' client secret in
  its call, QStash's token, GitHub's recovery codes (``xxxxx-xxxxx``) where recovery codes are named, a proxy list's
  passwords under its ``host:port:username:password`` header, a ``name|value`` table's row whose name is a secret's
  (a browser's ``sessionid``), and a Wi-Fi key under its name (``wifiKey``). So do an OpenWrt network's ``option
  key`` under its ``option encryption 'psk2'``, FileZilla's ``<Pass encoding="base64">``, a key in hex before its
  ``secret_key`` (GameAnalytics' ``game_key``), Ghost's Admin API key's secret (its id, the 24 hex digits before ":",
  stays) where Ghost is named, Login with Amazon's client secret (``amzn1.oa2-cs.v1.``), eBay's Cert ID (``PRD-...``;
  its App ID stays), a password element with attributes (WS-Security's ``<Password Type="...#PasswordText">``, as
  ONVIF cameras send it), Plaid's access and public tokens (``access-production-<uuid>``), a token a tool says it
  saved (``refresh_token saved to keyring: ...``), an LDAP image's ``LDAP_ROOTPASS``, The Things Network's API keys
  (``NNSXS.``), LoRaWAN's root keys (``nwkKey``, ``--root-keys.app-key.key``), RACF's ``ALTUSER ... PASSWORD(...)``
  and ``PHRASE('...')``, OFX's ``<USERPASS>`` (no closing tag in its SGML form), ``openssl enc``'s passphrase after
  ``-k`` and its raw key after ``-K``, a domain's transfer code (``EPP code:``, ``auth_code``, EPP's ``authInfo``)
  and an OAuth authorization code (``authCode``), an OpenVPN shared key's block (``-----BEGIN OpenVPN Static key
  V1-----``, as ``private-key``), Firebase Cloud Messaging's legacy server key (``AAAA...:APA91b...``), and a key
  under a REST key's name (Braze's ``REST_KEY``, a UUID). Drone's ``from_secret:`` names the secret to read, and
  stays. Kong's ``{vault://...}`` refers to one; a code span in prose showing where a key goes stays, as does a
  command substitution in quotes (`` "`pass show mail`" ``).
- A value in a row goes by what its column or key says (see `_rows`): an SQL ``INSERT``'s column list and the
  bindings an ORM logs for it, a printed key-value table's key. A social security number without dashes goes by its
  name, its column, a sibling field naming its type (``"tax_id_type": "ssn"``; MISMO's
  ``<TaxpayerIdentifierType>SocialSecurityNumber</...>`` before its value's element), the line after "social security
  number", or as a whole cell of a comma-separated row in its 3-2-4 shape with blanks (no phone, date, amount or
  version is written so).

- A password manager's exports: a CSV's password column (Bitwarden's ``login_password``, LastPass's ``password``; its
  cells apart by commas, tabs or, as spreadsheets export them, ``;``), a KeePass XML field
  (``<Key>Password</Key><Value>...``), ``bw get password``'s output, and the names LastPass's secure notes give
  (``Name on Card:``, ``Name:`` under a person's ``NoteType``). A flag's dotted value with a digit is a password
  (``--password lantern.mango9269``), as is one of a bracketed list's pairs (Kafka's
  ``SCRAM-SHA-512=[iterations=8192,password=...]``) and an ini key of words' (``SMTP Password = ...``); a prefix glued
  to "password" still names one (``--cipassword``, ``dbpassword``); an app's salt goes when random
  (``PublicLinkSalt``); Splunk's ``pass4SymmKey`` is a secret; an Authorization written as a Ruby hash's pair
  (``"Authorization" => ...``) goes as a header's, and of Proxmox's ``PVEAPIToken=USER!ID=SECRET`` only the secret.
  ODBC's ``PWD=`` beside its ``UID=`` is a password (a shell's ``PWD`` is its working directory, a path, and stays).
- Moodle's glued names (``$CFG->dbpass``, ``smtppass``) are a password's, its ``passwordsaltmain`` a secret;
  signtool's ``/p`` is a certificate's password; Composer's ``bearer`` section maps hosts to tokens; a bare value's
  run goes whole, "=" inside it and all (``RNGge-5yt=*As=E0Z``).
- Password hashes in the formats systems store them (crypt(3)'s MD5, SHA-256/512, scrypt and yescrypt, bcrypt, Argon2,
  Django's PBKDF2, Cisco's types 8 and 9) are redacted as ``credential``: whoever holds one can try passwords against
  it offline (see `_hashes`). Network equipment's reversible ones (Cisco's type 7 after ``password 7``, ``key 7``...,
  Junos's ``$9$`` strings) are the password itself, and go as ``password``. What a cracker found goes: hashcat's
  ``HASH:PASSWORD`` (its potfile, ``--show``), hydra's ``login: ... password: ...``, nmap's ``user:password - Valid
  credentials``, the private column of Metasploit's ``creds``. The card numbers payment processors publish for testing
  (``4242 4242 4242 4242``, Adyen's) are kept: they charge nothing and name nobody.
- A value is a secret where a tool's own format says so, though no generic name does (see `_tools`, `_ci`, `_mobile`,
  `_cloud_cli`, `_pairs`, `_locals`): a registry's credential file, a CI's logging command that sets a secret-named
  variable or masks a value, a mobile app's keyed config, what a cloud CLI prints for a token or a key list, a
  parameter or property a structure names, the values a traceback's diagnose view prints under a sensitive name, a
  Wi-Fi key as ``netsh`` shows it (``Key Content : ...``). An ini or key file's password runs to its line's end,
  blanks and all (NetworkManager's ``psk=field lumen saffron 24``); a lower-case name's only, since an upper-case
  one's words may be the command it is set for (``PGPASSWORD=x psql``). A key in hex, a digest's shape, goes when its
  secret is given beside it (an exchange's ``"key"`` and ``"secret"``) or its record names it an API key
  (Meilisearch's ``"name": "Default Search API Key"``); Elasticsearch's ``encoded`` key (base64 of its id and key)
  beside its ``api_key``; a list of API tokens (``INIT_CLIENT_API_TOKENS``; ``max_tokens`` is a count); Agora's app
  certificate is a secret; the pairs of a quoted ``name=value;name=value`` list (Redshift's ``CREDENTIALS '...'``) are
  judged each. Values that refer to a secret rather than hold it stay: template expressions, a shell's command
  substitution, Hiera lookups, YAML tags naming a secret (Home Assistant's ``!secret name``), ASP.NET's
  ``AutoGenerate``, git's ``user.signingkey`` id.

- What ordinary code and docs hold beside sensitive words is kept: a one-character value (HTML's ``accesskey="u"``),
  a colour, a regular expression, a type or a variable named for a secret, "pass" the verb, a flag named in prose;
  dotted quads that are releases (``firmware 4.2.0.17``, ``kernel 5.10.0.21``, ``Firmware Version ..... 1.10.0.5``),
  a version's key's value (``- key: firmware_version`` / ``value: ...``), what a ``version()`` call or query prints
  on the line after it (and a program's ``--version``: ``acars-gw 3.5.3.86``; a feed's ``<generator>podgen 2.3.0.4``;
  MISMO's ``MISMOVersionID``; a property element's ``name="ui.version" value=...``; GEDCOM's ``VERS``), a tool's in
  its export's comment (``# exported by funeralpro 5.4.1.110``, ``# pospro 1.3.0.102 export``) and the same four
  numbers wherever else they stand in the text (a release's URL), sections or object identifiers, headings' numbers,
  addresses of four equal octets; a private key's markers with no key between them.

- A person's name (``person-name``) is redacted where the structure says it is one (see `_people`): beside an address
  (``Author: Jane Doe <jane@...>``, ``Contact: Jane Doe (jane@...)``, trailers, mail headers, package metadata, an
  e-signature's ``Signer:`` and ``Witness:``, a load file's ``þ``-quoted field), the local git identity and the lines
  that print it (``user.name``, ``[user] name =``, ``GIT_AUTHOR_NAME``, what ``git config user.name`` prints, blame,
  shortlog), data records' name keys and columns (``first_name``; a role's name such as ``user_name``,
  ``REPORT_OWNER_NAME``, a call record's ``caller_name`` or a bank export's ``counterparty_name``, and an issue's
  ``assignee``, two words at least, a field service's ``technician_name``, a case's ``caseworker_name``, a permit's
  ``contractor_name``, a lab's ``pi_name`` and an API's ``officer_name`` or ``planner_name`` among them; curl's form
  fields (``-d first_name=...``, a bracketed key's ``to[name]=`` beside ``to[address_line1]``); a funeral home's
  ``decedent_name`` and ``nok_name``; any role's name column in a table that has a person's column (a delivery
  export's ``dasher_name`` beside its ``customer_name``); a gradebook's names under a header whose cells hold a title
  after a colon (Moodle's ``Quiz: Week 3 (Real)``); a ticket export's ``assignee`` column beside a contact's address;
  OpenDental's ``LName`` and ``FName`` where both head a table; a label of two words that starts its line, ``Driver
  Name:``, or stands before a dot leader, ``Payee name ......... Jane Doe``; a role's name in capitals under a header
  in capitals (a county's parcel export's ``OWNER_NAME``); ``name`` beside an e-mail, phone, address or IBAN field,
  as is any other role's (``tenant_name``, ``driver_name``, ``custodian_name``, ``clinician_name``; not a thing's:
  ``company_name``, ``host_name``, ``street_name``), an XML record's sibling elements included, one object a CLI
  prints as a bordered table of fields (``| Name | ... |`` over an ``Email`` line), and in an object under a card's,
  billing, shipping or customer key; a label written with a dot leader or in Markdown's bold, ``**Name:**``; Go's
  printed struct, Mixpanel's ``$name``, Steam's ``realname`` of two words, ADP's ``familyName1``, a namespaced
  element's (``<itunes:name>`` beside ``<itunes:email>``), a GEDCOM file's ``NAME`` lines (its header's ``GEDC`` or
  its individuals' ``@ INDI`` records naming the format), a crew list's ``given_names``, SCIM's ``name.formatted``, a
  saved card's ``name_on_card``, a name beside an address after a role's label (``Incident commander:``, ``Reported
  by:``) or any label a line starts with (an on-call export's ``Primary:``) or a commit's abbreviated hash (git log's
  ``%h %an <%ae>``); a record's name beside an SSN; a name's parts opening an object, ``{"first": ..., "last":
  ...}``; who signed or certified a record after the label its line starts with (a maintenance log's ``Signer:``,
  ``Inspected by:``); QuickBooks' IIF rows under their ``!CUST`` header; ``{Name:Jane Doe Email:...}``), a CSV's
  cells apart by ``;`` as spreadsheets export them, a sign-in log's ``User`` beside its ``Username``, an HTML table's
  column its header row names and an HTML form's field, their setters' calls and logged bindings (Django's,
  SQLAlchemy's), a form body's pairs, psql's expanded records (``full_name | ...``), vCards' ``FN`` and ``N``, an
  invitation's organizer and attendees (iCalendar's ``CN=``, two words at least), people's LDIF ``cn`` (an entry of a
  person's class, or one a user's id names: ``dn: uid=...``), a table's column under a rule of dashes that lines its
  cells up (``sf data query``; a column's name of two words, ``EMPLOYEE NAME``, too), a payment's creditor and debtor
  (ISO 20022's ``<Cdtr><Nm>``), a social security number a government id's code names (ADP's ``"codeValue": "SSN"``),
  the line under a tax form's name label (a W-9's, a W-2's, a 1099's, a 1040's), and a Mozilla preference's name
  (``user_pref("mail.identity.id1.fullName", ...)``), a scanner's finding's ``Author`` beside its ``Email``
  (gitleaks'), an author's setting (``AUTHOR = "..."``, ``export AUTHOR=...``, a YAML or ini ``author`` line). Kept:
  names in prose, package metadata and licence headers without an address (public attribution of published code:
  setup.py's, Sphinx's and TOML's quoted ``author = '...'``, PKG-INFO, setup.cfg's ``[metadata]``), a name beside a
  documentation address (an example, in a record as beside ``<...>``, where the record gives no other address and is
  no role's mailbox (a WHOIS record's registrar's abuse contact, an API's ``"support_contact"``, on example.com leave
  the record's person one; in a table's row the address is the row's own); a customer's or billing object with no
  card's number in or around it, a table's row, a vCard or an invitation that gives one, and a git identity set
  beside one: a guide's ``git config user.email jane@example.org``) except where git log or a manifest's author field
  prints it as an identity (the address stays), a stand-in's name (``Jane Doe``) there, in a record or a table's row
  (a sandbox's ``"DisplayName"``) and in an author's setting, a single word beside an address, identifiers.

- Beside the rules for each syntax, one pass (`_shape`) judges a value by its shape and the sensitive name
  near it in any syntax (a tag's value, a table's cell, a printed struct, log prose, a block scalar); it
  takes a password only right after a name that always holds one, and elsewhere only a long generated
  token with no word, digest, UUID, path or version shape.

Known limits (what it cannot see): a secret with no name and no vendor format (a password alone in
prose without "password is"); a human-chosen password given to a name that may hold anything ("API key:
Falcon914!"); secrets glued to other words; a dotted quad right after ``name==`` is
taken for a version; personal names in prose and in output with no structure around them (``git log
--format=%an``), and in a structure only as one to four capitalised words (``jane doe``, and ``JANE DOE``
outside a person's key, stay); an organisation's name in a record with contact fields goes as a person's;
a ``.pgpass`` line on a port other than 5432 or ``*`` with neither its header comment nor the file's name in
view; a quoted value longer than 512 characters with no format of its own; a URL password holding both "@"
and "/" where what follows an inner "@" reads as a host; a key shown as a hex dump (``xxd``).
"""

from client_actors.scrub._engine import REDACTION_KINDS, RULESET_VERSION, scrub_text, scrub_texts
from client_actors.scrub._result import RuleCounts, ScrubResult
from client_actors.scrub._walk import scrub_value, scrub_values

__all__ = [
    "REDACTION_KINDS",
    "RULESET_VERSION",
    "JsonValue",
    "RuleCounts",
    "ScrubResult",
    "scrub_text",
    "scrub_texts",
    "scrub_value",
    "scrub_values",
]
