"""Turn the raw identity values of an SBOM into match keys.

Each function takes one raw value as an SBOM writes it and returns the
normalised key (or keys) the match index is built on. The same functions
normalise the bans, so a ban and a component meet on equal terms:

- organisations: Unicode NFKC, case folding, accents of Latin letters
  dropped, SPDX/npm wrappers, brackets and e-mails removed, punctuation
  collapsed, legal forms stripped at either end in many languages
  (``"AO Kaspersky Lab"`` and ``"Kaspersky Lab, Inc."`` both give
  ``"kaspersky lab"``);
- domains: the host of a URL, e-mail, scp-style git remote or bare host name
  (internationalised names in their punycode form);
- CPE: the vendor field of a CPE 2.2 URI or 2.3 formatted string;
- purl: the type and the namespace/name path, lower-cased and unquoted;
- products: the word tokens of a component name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from enforcer._records import NO_VALUE, is_no_value

# Legal-form tokens, as they look after case folding and punctuation removal
# ("Co., Ltd." -> "co ltd", "S.A." -> "sa", "B.V." -> "bv", "A/S" -> "as").
LEGAL_FORMS = frozenset(
    """
    inc incorporated corp corporation co company cos ltd limited llc llp lp plc pvt
    gmbh mbh ag kg kgaa ohg ug ev se
    sa sas sasu sarl sca srl spa sl slu sapi cv ltda eireli
    bv nv vof
    ab oy oyj as asa aps hf ou uab sia
    sro doo kft zrt nyrt
    kk gk yk pte pty bhd sdn tbk pt
    ao zao oao pao jsc ojsc cjsc pjsc ooo tov pp nao
    ао зао оао пао ооо нао пат тов прат тоо
    """.split()
)
# Legal forms written as several tokens ("Sp. z o.o.", "S. A.", "S.A. de C.V.").
LEGAL_PHRASES = tuple(
    tuple(phrase.split())
    for phrase in (
        "sp z oo",
        "spol s ro",
        "s a",
        "s a s",
        "s r l",
        "s p a",
        "sa de cv",
        "sab de cv",
        "s de rl",
        "private limited",
        "public limited company",
        "limited liability company",
    )
)
# Legal forms written as one run of CJK characters before or after the name.
CJK_LEGAL_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "株式会社",
    "有限会社",
    "주식회사",
    "公司",
)
CJK_LEGAL_PREFIXES = ("株式会社", "有限会社", "주식회사")
# Latin letters that carry no combining mark and still stand for a plain one.
_LATIN_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})

_WRAPPER = re.compile(r"^\s*(organi[sz]ation|person|tool)\s*:\s*", re.IGNORECASE)
# Both patterns below are applied through `_emails` and `_url_hosts`, which
# find them in time linear in the text (a plain `finditer` tries every start
# in a long run of letters and dots: seconds on one 60 KB name).
_BRACKETED = re.compile(r"\([^()]*\)|<[^<>]*>|\[[^\[\]]*\]")
_EMAIL = re.compile(r"[\w.+%-]+@((?:[\w-]+\.)+[\w-]{2,})", re.UNICODE)
_URL_HOST = re.compile(r"\b[a-z][a-z0-9+.-]*://(?:[^@/\s]*@)?(\[[^\]]*\]|[^/:\s?#]+)", re.IGNORECASE)
_EMAIL_LOCAL = re.compile(r"[\w.+%-]", re.UNICODE)
_EMAIL_DOMAIN = re.compile(r"(?:[\w-]+\.)+[\w-]{2,}", re.UNICODE)
_SCHEME_CHAR = re.compile(r"[a-z0-9+.-]", re.IGNORECASE)
_SCHEME_FIRST = re.compile(r"[a-z]", re.IGNORECASE)
_URL_REST = re.compile(r"(?:[^@/\s]*@)?(\[[^\]]*\]|[^/:\s?#]+)")
_SCP_HOST = re.compile(r"^[\w.-]+@([\w.-]+\.[a-z]{2,}):", re.IGNORECASE)
_HOST = re.compile(r"^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z][a-z0-9-]{0,62}$")
_DROP = re.compile(r"['’`.]+")
#: a bracketed part that may be the name's own words: letters, digits, spaces, & and -
_NAME_PART = re.compile(r"[^\W_][\w &-]*", re.UNICODE)
_SPLIT = re.compile(r"[\W_]+", re.UNICODE)
#: a camel-case boundary: "TikTok" -> "Tik Tok", "SDKCore" -> "SDK Core"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def visible(value: str) -> str:
    """The text without invisible format characters (Unicode category Cf).

    A zero-width space, soft hyphen or word joiner inside a name changes
    nothing a reader sees, and must change nothing the matcher sees.

    >>> visible("AO Kasp\u200bersky Lab")
    'AO Kaspersky Lab'
    """
    if value.isascii():
        return value
    return "".join(char for char in value if unicodedata.category(char) != "Cf")


def fold(value: str) -> str:
    """Unicode NFKC and case folding, format characters dropped: the first step of every key."""
    if value.isascii():
        return value.lower()
    return unicodedata.normalize("NFKC", visible(value)).casefold()


@lru_cache(maxsize=65536)
def org_key(raw: str) -> str:
    """The normalised key of an organisation name, or "" when nothing is left.

    Bracketed words that belong to the name stay in it ("China Telecom
    (Americas) Corporation"); brackets that hold an address, a legal form or
    a note are dropped.

    >>> org_key("Organization: AO Kaspersky Lab (info@kaspersky.com)")
    'kaspersky lab'
    >>> org_key("Huawei Technologies Co., Ltd.")
    'huawei technologies'
    >>> org_key("China Telecom (Americas) Corporation")
    'china telecom americas'
    """
    return _org_key(raw, keep_brackets=True)


@lru_cache(maxsize=65536)
def org_keys(raw: str) -> tuple[str, ...]:
    """The keys a name is looked up by: with its bracketed words, and without any bracket.

    >>> org_keys("China Unicom (Americas) Operations Limited")
    ('china unicom americas operations', 'china unicom operations')
    >>> org_keys("Huawei Technologies Co., Ltd. (Shenzhen)")
    ('huawei technologies co ltd shenzhen', 'huawei technologies')
    >>> org_keys("ZTE Corporation")
    ('zte',)
    """
    kept = _org_key(raw, keep_brackets=True)
    dropped = _org_key(raw, keep_brackets=False) if "(" in raw or "[" in raw or "<" in raw else kept
    return tuple(key for key in dict.fromkeys((kept, dropped)) if key)


def _bracket(match: re.Match[str]) -> str:
    """A bracketed part that is the name's own words, or nothing.

    Only a part in parentheses made of words counts ("China Telecom
    (Americas) Corporation", "China Mobile International (USA)"); one
    holding a legal form only, an address or anything but words is dropped.
    A name is also looked up without any bracketed part (`org_keys`), so a
    note such as "(Shenzhen)" after a legal name costs nothing.
    """
    inner = match.group()[1:-1]
    if match.group()[0] != "(" or not _NAME_PART.fullmatch(inner):
        return " "
    words = [word for word in _SPLIT.split(latin_fold(fold(inner))) if word]
    return f" {inner} " if words and not all(word in LEGAL_FORMS for word in words) else " "


def _emails(text: str) -> list[tuple[int, int, str]]:
    """(start, end, domain) of each e-mail address: what `_EMAIL.finditer` finds, in linear time.

    A match's local part is the run of local-part characters before an "@"
    (from where the previous match ended, at the earliest); each "@" is
    looked at once and each run walked once.
    """
    found: list[tuple[int, int, str]] = []
    position = 0
    at = text.find("@")
    while at >= 0:
        start = at
        while start > position and _EMAIL_LOCAL.match(text, start - 1):
            start -= 1
        domain = _EMAIL_DOMAIN.match(text, at + 1) if start < at else None
        if domain is not None:
            found.append((start, domain.end(), domain.group()))
            position = domain.end()
            at = text.find("@", position)
        else:
            at = text.find("@", at + 1)
    return found


def _url_hosts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, host) of each URL: what `_URL_HOST.finditer` finds, in linear time.

    A URL's scheme is the run of scheme characters before a "://", starting
    at its earliest letter that begins a word (the regex's `\\b`).
    """
    found: list[tuple[int, int, str]] = []
    position = 0
    mark = text.find("://")
    while mark >= 0:
        start = mark
        while start > position and _SCHEME_CHAR.match(text, start - 1):
            start -= 1
        first = next(
            (
                index
                for index in range(start, mark)
                if _SCHEME_FIRST.match(text, index) and (index == 0 or not _is_word(text[index - 1]))
            ),
            None,
        )
        rest = _URL_REST.match(text, mark + 3) if first is not None else None
        if rest is not None:
            found.append((first or 0, rest.end(), rest.group(1)))
            position = rest.end()
            mark = text.find("://", position)
        else:
            mark = text.find("://", mark + 1)
    return found


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with each span replaced by a space (what `re.sub(pattern, " ", text)` gives)."""
    if not spans:
        return text
    parts = []
    last = 0
    for start, end, _ in spans:
        parts.append(text[last:start])
        parts.append(" ")
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _org_key(raw: str, *, keep_brackets: bool) -> str:
    if is_no_value(raw):
        return ""
    text = _WRAPPER.sub("", visible(raw))
    text = _blank(text, _emails(text))
    text = _blank(text, _url_hosts(text))
    text = _BRACKETED.sub(_bracket if keep_brackets else " ", text)
    text = _strip_cjk_forms(latin_fold(fold(text)).strip())
    text = text.replace("a/s", "as")
    text = _DROP.sub("", text)
    tokens = _strip_legal_forms([token for token in _SPLIT.split(text) if token])
    key = " ".join(tokens)
    return "" if key in NO_VALUE else key


def latin_fold(text: str) -> str:
    """Drop the accents of Latin letters ("Société" -> "societe"); other scripts keep theirs.

    >>> latin_fold("société générale"), latin_fold("касперский")
    ('societe generale', 'касперский')
    """
    if text.isascii():
        return text
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text.translate(_LATIN_LETTERS)):
        if kept and unicodedata.combining(char) and kept[-1] < "\u0250":
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _strip_cjk_forms(text: str) -> str:
    for suffix in CJK_LEGAL_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)].rstrip()
            break
    for prefix in CJK_LEGAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :].lstrip()
            break
    return text


def _strip_legal_forms(tokens: list[str]) -> list[str]:
    """Remove legal forms at either end, one word or a known phrase at a time; never the last word."""
    changed = True
    while changed:
        changed = False
        for phrase in LEGAL_PHRASES:
            size = len(phrase)
            if len(tokens) > size and tuple(tokens[-size:]) == phrase:
                del tokens[-size:]
                changed = True
        if len(tokens) > 1 and tokens[-1] in LEGAL_FORMS:
            tokens.pop()
            changed = True
    first = 0
    while len(tokens) - first > 1 and tokens[first] in LEGAL_FORMS:
        first += 1
    return tokens[first:]


def org_prefixes(key: str, most: int | None = None) -> list[str]:
    """The shorter keys an organisation key starts with, whole words only; at most `most` words each.

    A lookup passes the word count of the longest key it can find, so a name
    of thousands of words costs what its first few do.

    >>> org_prefixes("huawei device shenzhen")
    ['huawei', 'huawei device']
    >>> org_prefixes("huawei device shenzhen", most=1)
    ['huawei']
    """
    tokens = key.split(" ") if most is None else key.split(" ", most)
    limit = len(tokens) if most is None else min(len(tokens), most + 1)
    return [" ".join(tokens[:n]) for n in range(1, limit)]


def host_key(host: str) -> str | None:
    """Normalise a host name; None when it is not one (an IP, a single label)."""
    host = fold(host).strip().rstrip(".")
    if not host.isascii():
        try:  # an internationalised name is compared in its ASCII (punycode) form
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return host if _HOST.match(host) else None


def domains_in(raw: str) -> tuple[str, ...]:
    """Every host named in a URL, e-mail address, git remote or bare host name.

    >>> domains_in("https://support.kaspersky.com/help")
    ('support.kaspersky.com',)
    >>> domains_in("Jane Doe <jane@Example.ORG>")
    ('example.org',)
    """
    if not raw:
        return ()
    raw = visible(raw)
    found = [host for _, _, host in _url_hosts(raw)]
    found.extend(domain for _, _, domain in _emails(raw))
    scp = _SCP_HOST.match(raw)
    if scp:
        found.append(scp.group(1))
    if not found:
        bare = raw.strip()
        if bare.startswith("mailto:"):
            bare = bare[7:]
        if " " not in bare and "." in bare:
            found.append(bare.split("/", 1)[0])
    hosts = []
    for host in found:
        key = host_key(host)
        if key and key not in hosts:
            hosts.append(key)
    return tuple(hosts)


def parent_domains(host: str, most: int | None = None) -> list[str]:
    """The host and each parent domain with at least two labels; at most `most` labels each.

    >>> parent_domains("a.support.kaspersky.com")
    ['a.support.kaspersky.com', 'support.kaspersky.com', 'kaspersky.com']
    >>> parent_domains("a.support.kaspersky.com", most=2)
    ['kaspersky.com']
    """
    labels = host.split(".") if most is None else host.rsplit(".", most)
    first = 0 if most is None or len(labels) <= most else 1
    return [".".join(labels[i:]) for i in range(first, len(labels) - 1)]


def cpe_vendor(raw: str) -> str | None:
    """The vendor field of a CPE, lower-cased and unescaped.

    >>> cpe_vendor("cpe:2.3:a:kaspersky:anti-virus:21.3:*:*:*:*:*:*:*")
    'kaspersky'
    >>> cpe_vendor("cpe:/a:kaspersky_lab:kav")
    'kaspersky_lab'
    """
    raw = visible(raw)
    if raw[:8].lower() == "cpe:2.3:":
        parts = raw.split(":", 5)
        if len(parts) < 5:
            return None
        vendor = parts[3]
    elif raw[:5].lower() == "cpe:/":
        parts = raw.split(":", 3)
        if len(parts) < 3:
            return None
        vendor = unquote(parts[2])
    else:
        return None
    if "\\" in vendor:
        vendor = re.sub(r"\\(.)", r"\1", vendor)
    vendor = fold(vendor)
    return vendor if vendor not in ("", "*", "-") else None


#: purl types named after a source forge: their path is read as a path on the forge's host
FORGES = {"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org"}
_FORGE_TYPES = {host + "/": ptype for ptype, host in FORGES.items()}


def purl_path(raw: str) -> tuple[str, str, str] | None:
    """Split a purl into (type, namespace/name path, qualifiers), lower-cased.

    The scheme is compared without case; a forge's purl (``pkg:github/...``)
    gets the forge's host in front of its path, as Go module paths have it.

    >>> purl_path("pkg:maven/com.huawei.hms/push@6.1.0?type=aar")
    ('maven', 'com.huawei.hms/push', 'type=aar')
    >>> purl_path("pkg:npm/%40kaspersky/sdk@1.0.0")
    ('npm', '@kaspersky/sdk', '')
    >>> purl_path("PKG:github/KasperskyLab/klara@v1")
    ('github', 'github.com/kasperskylab/klara', '')
    """
    raw = visible(raw)
    if raw[:4].lower() != "pkg:":
        return None
    body = raw[4:].lstrip("/")
    body = body.split("#", 1)[0]
    body, _, qualifiers = body.partition("?")
    slash = body.find("/")
    if slash <= 0:
        return None
    ptype = body[:slash].lower()
    path = body[slash + 1 :].strip("/")
    at = path.rfind("@")
    if at > path.rfind("/") and at > 0:
        path = path[:at]
    if "%" in path:
        path = unquote(path)
    path = fold(path)
    if not path:
        return None
    if ptype in FORGES:
        path = f"{FORGES[ptype]}/{path}"
    return ptype, path, qualifiers


def purl_types(ptype: str, path: str) -> tuple[str, ...]:
    """The pattern types a purl is looked up under: its own, any (`*`), and for a path on a forge, the forge's and Go's.

    A repository on a forge is one thing whether a purl calls it
    `pkg:github/...` or `pkg:golang/github.com/...`.

    >>> purl_types("golang", "github.com/bytedance/sonic")
    ('golang', '*', 'github')
    >>> purl_types("github", "github.com/bytedance/sonic")
    ('github', '*', 'golang')
    """
    forge = next((name for host, name in _FORGE_TYPES.items() if path.startswith(host)), None)
    if forge is None:
        return (ptype, "*")
    return tuple(dict.fromkeys((ptype, "*", forge, "golang")))


def purl_prefixes(path: str, longest: int | None = None) -> list[str]:
    """The path and each of its prefixes that ends at a '/' or '.' boundary; none longer than `longest`.

    A lookup passes the length of the longest path it can find, so a path of
    64 KB costs what its first characters do.

    >>> purl_prefixes("com.huawei.hms/push")
    ['com', 'com.huawei', 'com.huawei.hms', 'com.huawei.hms/push']
    >>> purl_prefixes("com.huawei.hms/push", longest=10)
    ['com', 'com.huawei']
    """
    end = len(path) if longest is None else min(len(path), longest + 1)
    prefixes = [path[:i] for i in range(1, end) if path[i] in "./"]
    if longest is None or len(path) <= longest:
        prefixes.append(path)
    return prefixes


def continues(path: str, prefix: str) -> bool:
    """True when `prefix` is one of `purl_prefixes(path)`: the path itself, or it followed by '.' or '/'.

    >>> continues("com.huawei.hms/push", "com.huawei"), continues("com.huaweicloud", "com.huawei")
    (True, False)
    """
    if len(prefix) == len(path):
        return prefix == path
    return 0 < len(prefix) < len(path) and path[len(prefix)] in "./" and path.startswith(prefix)


def purl_pattern(pattern: str) -> tuple[str, str, bool]:
    """Normalise a ban's purl pattern to (type or '*', path prefix, matches any path that starts with it).

    A pattern matches a purl whose path is the pattern's path or continues it
    after a '/' or '.'; one that ends in a bare '*' matches any path that
    starts with it (a name prefix: ``pkg:pypi/huaweicloudsdk*``).

    >>> purl_pattern("pkg:maven/com.huawei.*")
    ('maven', 'com.huawei', False)
    >>> purl_pattern("pkg:*/com.kaspersky")
    ('*', 'com.kaspersky', False)
    >>> purl_pattern("pkg:pypi/huaweicloudsdk*")
    ('pypi', 'huaweicloudsdk', True)
    >>> purl_pattern("pkg:github/KasperskyLab")
    ('github', 'github.com/kasperskylab', False)
    """
    body = pattern[4:]
    ptype, _, path = body.partition("/")
    ptype = ptype.lower()
    path = path.strip("/")
    star = False
    for wildcard in (".*", "/*"):
        if path.endswith(wildcard):
            path = path[: -len(wildcard)]
    if path.endswith("*"):
        path, star = path[:-1], True
    if "%" in path:
        path = unquote(path)
    path = fold(path)
    if ptype in FORGES:
        path = f"{FORGES[ptype]}/{path}"
    return ptype, path, star


def repository_url(qualifiers: str) -> str | None:
    """The `repository_url` qualifier of a purl, if any."""
    for pair in qualifiers.split("&"):
        key, _, value = pair.partition("=")
        if key == "repository_url" and value:
            return unquote(value)
    return None


@lru_cache(maxsize=65536)
def name_tokens(raw: str) -> tuple[str, ...]:
    """The word tokens of a name: split at camel-case boundaries, folded, split on anything not a letter or digit.

    >>> name_tokens("Kaspersky.Endpoint-Security_SDK")
    ('kaspersky', 'endpoint', 'security', 'sdk')
    >>> name_tokens("TikTokOpenSDKCore")
    ('tik', 'tok', 'open', 'sdk', 'core')
    """
    return tuple(token for token in _SPLIT.split(latin_fold(fold(_CAMEL.sub(" ", raw)))) if token)


def name_forms(raw: str) -> tuple[tuple[str, ...], ...]:
    """A name's token runs: split at camel case, and not (one run when they agree).

    A ban's product is looked for in both, so "DeepSeek-R1" holds the
    product "deepseek" and the product "DeepSeek" alike.

    >>> name_forms("DeepSeek-R1")
    (('deep', 'seek', 'r1'), ('deepseek', 'r1'))
    """
    plain = tuple(token for token in _SPLIT.split(latin_fold(fold(raw))) if token)
    return tuple(dict.fromkeys((name_tokens(raw), plain)))


def product_variants(product: str) -> tuple[tuple[str, ...], ...]:
    """The token runs a ban's product name is recognised by: split at camel case, and whole.

    >>> product_variants("TikTok")
    (('tik', 'tok'), ('tiktok',))
    >>> product_variants("kaspersky")
    (('kaspersky',),)
    """
    plain = tuple(token for token in _SPLIT.split(latin_fold(fold(product))) if token)
    return tuple(tokens for tokens in dict.fromkeys((name_tokens(product), plain)) if tokens)


def hash_key(raw: str) -> str:
    return raw.strip().lower()
