"""Mobile apps' configuration, where a key's name says its value is a credential: property lists, Android's
manifest meta-data and string resources."""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule
from client_actors.scrub._names import classify_name, looks_random
from client_actors.scrub._tools import redact_value

# Mobile apps' configuration: a property list's `<key>API_KEY</key>` and the `<string>` after it, Android's
# `<meta-data android:name="...API_KEY" android:value="..."/>` and a resource's `<string name="api_key">`.
# The name says what the value is; its last dotted part counts (`com.google.android.geo.API_KEY`).
_PLIST_PAIR = re.compile(
    r"<key>(?P<name>[A-Za-z_][\w.\-]{0,128})</key>[^<\n]{0,40}(?:(?:\r?\n|\\r\\n|\\n)[^<\n]{0,80}?)?"
    r"<string>(?P<value>[^<\n\\]{4,4096})</string>"
)
_ANDROID_META = re.compile(
    r"android:name=\\?\"(?P<name>[\w.\-]{1,200})\\?\"[^>]{0,400}?android:value=\\?\"(?P<value>[^\"\\\n]{4,4096})\\?\""
)
_ANDROID_STRING = re.compile(
    r"<string[ \t]+name=\\?\"(?P<name>[\w.\-]{1,200})\\?\"[^>\n]{0,120}>(?P<value>[^<\n\\]{4,4096})</string>"
)


def _handle_named_value(match: re.Match[str]) -> Redaction | None:
    name = match.group("name").rpartition(".")[2]
    sense = classify_name(name)
    if sense is None:
        return None
    value = match.group("value")
    if not sense.strong and not looks_random(value):
        return None
    return redact_value(match, sense.kind)


PLIST_SECRET = Rule("plist-secret", _PLIST_PAIR, _handle_named_value, "</key>")
ANDROID_META_SECRET = Rule("android-meta-secret", _ANDROID_META, _handle_named_value, "android:value")
ANDROID_STRING_SECRET = Rule("android-string-secret", _ANDROID_STRING, _handle_named_value, "<string")

MOBILE_RULES = (PLIST_SECRET, ANDROID_META_SECRET, ANDROID_STRING_SECRET)
MOBILE_LITERALS: dict[str, tuple[str, ...]] = {
    "plist-secret": ("</key>",),
    "android-meta-secret": ("android:value",),
    "android-string-secret": ("<string",),
}
