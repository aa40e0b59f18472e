#!/usr/bin/env python3
"""Seed the local emulator with realistic demo data for cognito-tui.

    python3 scripts/emulator/seed_demo.py http://127.0.0.1:PORT [--users N]

Everything goes through the public AWS API (boto3 against the emulator's
endpoint), so the console sees exactly what a real account would return:

* five user pools in us-east-1 and eu-west-1 (prod-customers,
  staging-customers, internal-staff, partner-portal, dev-sandbox) with
  password policies, MFA, username/alias attributes, Lambda triggers, custom
  attributes, tags, app clients, domains, identity providers and resource
  servers;
* prod-customers holds --users users (default 3000) with names in many
  scripts, in every status (CONFIRMED, FORCE_CHANGE_PASSWORD, UNCONFIRMED,
  some disabled), and groups with up to hundreds of members; the other pools
  hold tens of users;
* two identity pools, prod_identities (roles, rule and token role mappings,
  principal-tag maps, tags, a few hundred identities of every kind, some
  disabled) and staging_identities;
* dev-sandbox's sign-in demo: app clients signin-demo (no secret) and
  signin-demo-confidential (a secret) that allow every password flow, and users
  demo-ann (password Demo-Passw0rd!2024), demo-totp (the same, with an
  authenticator app preferred) and demo-new (temporary password
  Temp-Passw0rd!2024, then a new one is asked for);
* for a handful of prod-customers users, remembered and forgotten devices and
  a sign-in history (sign-ins, sign-ups and password resets that passed or
  failed, with risk levels, IP addresses and cities), and two users linked to
  a Google identity. Devices and sign-in events come from sign-ins, which the
  API can't create: they go through the emulator's private seed route
  (POST /_emulator/cognito-idp/seed, see idp_admin.py).

The content is generated from a fixed seed: the same command seeds the same
data into a fresh emulator (only the ids and dates the service assigns
differ). Users are created by a thread pool, so the order ListUsers returns
them in varies from run to run unless --ordered is given.

Prints a one-line summary to stderr and exits 0; exits 1 (with the reason on
stderr) when a call fails or the emulator already holds the demo data.
"""

import argparse
import base64
import json
import random
import sys
import time
import unicodedata
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

SEED = 20240917
ACCOUNT = "123456789012"  # moto's account for unknown access keys
US = "us-east-1"
EU = "eu-west-1"

PASSWORD = "Demo-Passw0rd!2024"          # satisfies every pool's policy
TEMPORARY_PASSWORD = "Temp-Passw0rd!2024"
# dev-sandbox's sign-in demo: app client name -> whether it has a secret; username ->
# (password, whether it is permanent; if not, the temporary password signs in and a new one
# is asked for).
SIGN_IN_CLIENTS = {"signin-demo": False, "signin-demo-confidential": True}
SIGN_IN_USERS = {"demo-ann": (PASSWORD, True), "demo-totp": (PASSWORD, True),
                 "demo-new": (TEMPORARY_PASSWORD, False)}


def role(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:role/{name}"


def lambda_arn(region: str, name: str) -> str:
    return f"arn:aws:lambda:{region}:{ACCOUNT}:function:{name}"


# =============================================================================
# Names. Each locale: phone country code, e-mail domains, given names
# (native, romanised, gender), family names (native, romanised) or, where the
# surname is gendered, (male native, male romanised, female native, female
# romanised); whether the family name comes first and what joins the parts.
# =============================================================================

@dataclass(frozen=True)
class Locale:
    tag: str
    weight: int
    phone_cc: str
    zone: str
    domains: tuple[str, ...]
    given: tuple[tuple[str, str, str], ...]
    family: tuple[tuple[str, ...], ...]
    family_first: bool = False
    joiner: str = " "


def latin(names: str, gender: str) -> tuple[tuple[str, str, str], ...]:
    """Latin-script names: the romanised form is derived (accents dropped)."""
    return tuple((n, fold(n), gender) for n in names.split())


def latin_family(names: str) -> tuple[tuple[str, ...], ...]:
    """Latin-script family names; "male/female" where the name is gendered."""
    return tuple(sum(((n, fold(n)) for n in entry.split("/")), ())
                 for entry in names.split())


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d",
                       "Đ": "D", "ı": "i", "æ": "ae", "œ": "oe", "'": "", "’": ""})


def fold(text: str) -> str:
    """ASCII form of a Latin-script name, for user names and e-mail addresses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


LOCALES: tuple[Locale, ...] = (
    Locale("en-US", 28, "+1", "America/New_York", ("example.com", "mail.example.com"),
           latin("James Liam Noah Ethan Mason Logan", "m")
           + latin("Olivia Emma Ava Mia Harper Grace Madison Chloe", "f"),
           latin_family("Smith Johnson Williams Brown Miller Davis Wilson Taylor Anderson "
                        "O'Brien McAllister Thompson")),
    Locale("fr-FR", 6, "+33", "Europe/Paris", ("example.fr",),
           latin("Jérôme François Loïc Gaël Mathéo Noël", "m")
           + latin("Élodie Zoé Chloé Hélène Anaïs Léa Maëlle", "f"),
           latin_family("Lefèvre Dubois Girard Bérenger Lemaître Fontaine Mercier "
                        "Rousseau Lévesque Desprès")),
    Locale("es-ES", 7, "+34", "Europe/Madrid", ("example.es",),
           latin("José Ángel Raúl Iñaki Álvaro Martín", "m")
           + latin("María Lucía Sofía Begoña Inés Nuria", "f"),
           latin_family("Muñoz García Martínez Peña Ibáñez Núñez Gómez Sánchez Fernández "
                        "Castaño")),
    Locale("de-DE", 6, "+49", "Europe/Berlin", ("example.de",),
           latin("Jürgen Jörg Björn Günther Maximilian Lukas", "m")
           + latin("Käthe Lena Sophie Jülide Mareike", "f"),
           latin_family("Müller Schröder Groß Weiß Köhler Bäcker Schäfer Krüger Hoffmann "
                        "Löwe")),
    Locale("pt-BR", 5, "+55", "America/Sao_Paulo", ("example.com.br",),
           latin("João Gonçalo Luís Sebastião Leandro", "m")
           + latin("Conceição Beatriz Ana Luíza Fernanda", "f"),
           latin_family("Gonçalves Magalhães Araújo Simões Assunção Brandão Conceição "
                        "Guimarães")),
    Locale("pl-PL", 3, "+48", "Europe/Warsaw", ("example.pl",),
           latin("Łukasz Paweł Wojciech Krzysztof", "m")
           + latin("Małgorzata Zofia Agnieszka Żaneta", "f"),
           latin_family("Wiśniewski/Wiśniewska Wójcik Kamiński/Kamińska "
                        "Dąbrowski/Dąbrowska Zieliński/Zielińska Jabłoński/Jabłońska Król "
                        "Szczęsny/Szczęsna")),
    Locale("tr-TR", 3, "+90", "Europe/Istanbul", ("example.com.tr",),
           latin("Ömer Gökhan Barış Çağan", "m") + latin("Çağla Şebnem İrem Yağmur", "f"),
           latin_family("Yıldız Öztürk Çelik Şahin Aydın Doğan Güneş")),
    Locale("vi-VN", 3, "+84", "Asia/Ho_Chi_Minh", ("example.vn",),
           latin("Minh Dũng Đức Quang", "m") + latin("Thảo Hương Quỳnh Phương", "f"),
           latin_family("Nguyễn Trần Lê Phạm Hoàng Đặng Vũ"), family_first=True),
    Locale("uk-UA", 5, "+380", "Europe/Kyiv", ("example.com.ua",),
           (("Тарас", "taras", "m"), ("Андрій", "andriy", "m"), ("Богдан", "bohdan", "m"),
            ("Дмитро", "dmytro", "m"), ("Максим", "maksym", "m"), ("Олена", "olena", "f"),
            ("Оксана", "oksana", "f"), ("Ірина", "iryna", "f"), ("Юлія", "yuliia", "f"),
            ("Наталія", "nataliia", "f")),
           (("Шевченко", "shevchenko"), ("Коваленко", "kovalenko"),
            ("Бондаренко", "bondarenko"), ("Ткаченко", "tkachenko"),
            ("Кравченко", "kravchenko"), ("Мельник", "melnyk"), ("Бойко", "boiko"),
            ("Коваль", "koval"))),
    Locale("el-GR", 3, "+30", "Europe/Athens", ("example.gr",),
           (("Γιώργος", "giorgos", "m"), ("Νίκος", "nikos", "m"),
            ("Δημήτρης", "dimitris", "m"), ("Κώστας", "kostas", "m"),
            ("Μαρία", "maria", "f"), ("Ελένη", "eleni", "f"), ("Κατερίνα", "katerina", "f"),
            ("Σοφία", "sofia", "f")),
           (("Παπαδόπουλος", "papadopoulos", "Παπαδοπούλου", "papadopoulou"),
            ("Παππάς", "pappas", "Παππά", "pappa"),
            ("Βλάχος", "vlachos", "Βλάχου", "vlachou"),
            ("Οικονόμου", "oikonomou"), ("Γεωργίου", "georgiou"), ("Νικολάου", "nikolaou"),
            ("Αντωνίου", "antoniou"))),
    Locale("ar-SA", 5, "+966", "Asia/Riyadh", ("example.sa",),
           (("محمد", "mohammed", "m"), ("أحمد", "ahmed", "m"), ("عمر", "omar", "m"),
            ("يوسف", "youssef", "m"), ("خالد", "khalid", "m"), ("فاطمة", "fatima", "f"),
            ("نور", "nour", "f"), ("ليلى", "layla", "f"), ("مريم", "maryam", "f"),
            ("سارة", "sara", "f")),
           (("العتيبي", "alotaibi"), ("الحربي", "alharbi"), ("القحطاني", "alqahtani"),
            ("الشمري", "alshammari"), ("حداد", "haddad"), ("منصور", "mansour"),
            ("خوري", "khoury"))),
    Locale("he-IL", 3, "+972", "Asia/Jerusalem", ("example.co.il",),
           (("יוסף", "yosef", "m"), ("דניאל", "daniel", "m"), ("איתי", "itai", "m"),
            ("אורי", "ori", "m"), ("נועה", "noa", "f"), ("תמר", "tamar", "f"),
            ("מיכל", "michal", "f"), ("שירה", "shira", "f")),
           (("כהן", "cohen"), ("לוי", "levi"), ("מזרחי", "mizrahi"), ("פרץ", "peretz"),
            ("ביטון", "biton"), ("אברהם", "avraham"), ("פרידמן", "friedman"))),
    Locale("zh-CN", 6, "+86", "Asia/Shanghai", ("example.cn",),
           (("伟", "wei", "m"), ("磊", "lei", "m"), ("浩然", "haoran", "m"), ("洋", "yang", "m"),
            ("芳", "fang", "f"), ("娜", "na", "f"), ("秀英", "xiuying", "f"), ("静", "jing", "f"),
            ("婷", "ting", "f"), ("敏", "min", "f")),
           (("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
            ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("欧阳", "ouyang")),
           family_first=True, joiner=""),
    Locale("ja-JP", 5, "+81", "Asia/Tokyo", ("example.jp",),
           (("陽翔", "haruto", "m"), ("蓮", "ren", "m"), ("大翔", "hiroto", "m"),
            ("翔太", "shota", "m"), ("花子", "hanako", "f"), ("結衣", "yui", "f"),
            ("さくら", "sakura", "f"), ("美咲", "misaki", "f")),
           (("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"),
            ("渡辺", "watanabe"), ("伊藤", "ito"), ("山本", "yamamoto"), ("中村", "nakamura")),
           family_first=True),
    Locale("ko-KR", 3, "+82", "Asia/Seoul", ("example.kr",),
           (("민준", "minjun", "m"), ("지호", "jiho", "m"), ("도윤", "doyun", "m"),
            ("서연", "seoyeon", "f"), ("하은", "haeun", "f"), ("지민", "jimin", "f")),
           (("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"),
            ("강", "kang")),
           family_first=True, joiner=""),
    Locale("hi-IN", 5, "+91", "Asia/Kolkata", ("example.in",),
           (("अर्जुन", "arjun", "m"), ("राहुल", "rahul", "m"), ("विक्रम", "vikram", "m"),
            ("आदित्य", "aditya", "m"), ("प्रिया", "priya", "f"), ("अनन्या", "ananya", "f"),
            ("दीपिका", "deepika", "f"), ("स्नेहा", "sneha", "f")),
           (("शर्मा", "sharma"), ("वर्मा", "verma"), ("पटेल", "patel"), ("गुप्ता", "gupta"),
            ("सिंह", "singh"), ("कुमार", "kumar"), ("जोशी", "joshi"), ("मेहता", "mehta"))),
    Locale("th-TH", 2, "+66", "Asia/Bangkok", ("example.co.th",),
           (("สมชาย", "somchai", "m"), ("ประเสริฐ", "prasert", "m"), ("วิชัย", "wichai", "m"),
            ("อนันต์", "anan", "m"), ("สุดา", "suda", "f"), ("มาลี", "malee", "f"),
            ("นภา", "napha", "f"), ("กมล", "kamon", "f")),
           (("ใจดี", "jaidee"), ("ศรีสุข", "srisuk"), ("สุวรรณ", "suwan"),
            ("วงศ์ไทย", "wongthai"), ("รัตนพงศ์", "rattanapong"), ("ทองดี", "thongdee"))),
)


# National significant number lengths where they aren't 9 digits.
PHONE_DIGITS = {"+1": 10, "+91": 10, "+86": 11, "+81": 10, "+49": 11, "+55": 11, "+82": 10,
                "+90": 10, "+380": 9, "+84": 9}


@dataclass
class Person:
    locale: Locale
    given: str
    family: str
    given_r: str
    family_r: str

    @property
    def full_name(self) -> str:
        parts = (self.family, self.given) if self.locale.family_first else (self.given, self.family)
        return self.locale.joiner.join(parts)

    @property
    def handle(self) -> str:
        return f"{self.given_r}.{self.family_r}"


class People:
    """Deterministic generator of people with unique handles and e-mails."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.weights = [loc.weight for loc in LOCALES]

    def person(self, locale: Locale | None = None) -> Person:
        loc = locale or self.rng.choices(LOCALES, self.weights)[0]
        given, given_r, gender = self.rng.choice(loc.given)
        family = self.rng.choice(loc.family)
        if len(family) == 4 and gender == "f":
            family_native, family_r = family[2], family[3]
        else:
            family_native, family_r = family[0], family[1]
        return Person(loc, given, family_native, given_r, family_r)

    def unique(self, base: str) -> str:
        """``base`` or ``base`` plus a number, never handed out before."""
        candidate = base
        while candidate in self.used:
            candidate = f"{base}{self.rng.randint(2, 9999)}"
        self.used.add(candidate)
        return candidate

    def phone(self, loc: Locale) -> str:
        digits = PHONE_DIGITS.get(loc.phone_cc, 9) - 1
        return (loc.phone_cc + str(self.rng.randint(2, 9))
                + "".join(str(self.rng.randint(0, 9)) for _ in range(digits)))


# =============================================================================
# What gets created: specifications built up front (single-threaded, from the
# seeded RNG), then sent by a thread pool.
# =============================================================================

@dataclass
class UserSpec:
    pool: str                       # pool key, e.g. "prod"
    username: str
    attributes: dict[str, str]
    status: str                     # CONFIRMED | FORCE_CHANGE_PASSWORD | UNCONFIRMED
    disabled: bool = False
    groups: list[str] = field(default_factory=list)
    sub: str = ""                   # filled in once created


@dataclass
class PoolInfo:
    key: str
    region: str
    name: str
    pool_id: str = ""
    clients: dict[str, str] = field(default_factory=dict)   # client name -> id
    users: list[UserSpec] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    @property
    def provider_name(self) -> str:
        return f"cognito-idp.{self.region}.amazonaws.com/{self.pool_id}"


PLANS = (("free", 60), ("pro", 28), ("enterprise", 12))
ENTERPRISE_TENANTS = ("acme-corp", "globex", "initech", "umbrella-health", "stark-industries",
                      "wayne-enterprises", "tyrell", "cyberdyne", "hooli", "soylent")
SIGNUP_SOURCES = (("web", 55), ("ios", 20), ("android", 18), ("import-2021", 7))
STATUSES = (("CONFIRMED", 80), ("FORCE_CHANGE_PASSWORD", 12), ("UNCONFIRMED", 8))


def weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in table], [w for _, w in table])[0]


def customer_users(rng: random.Random, people: People, pool: str, count: int,
                   domain_hint: str | None = None) -> list[UserSpec]:
    """Customers of the consumer app (prod-customers, staging-customers)."""
    users = []
    for index in range(count):
        person = people.person()
        loc = person.locale
        plan = weighted(rng, PLANS)
        status = weighted(rng, STATUSES)
        local = people.unique(person.handle)
        if domain_hint:
            email = f"{local}@{domain_hint}"
        elif index % 97 == 5:
            email = f"qa+{local}@example.com"     # matched by a StartsWith role rule
        else:
            email = f"{local}@{rng.choice(loc.domains)}"
        attributes = {
            "email": email,
            "email_verified": "true" if status == "CONFIRMED" and rng.random() < 0.93 else "false",
            "given_name": person.given,
            "family_name": person.family,
            "name": person.full_name,
            "locale": loc.tag,
            "zoneinfo": loc.zone,
            "custom:plan": plan,
            "custom:tenant_id": (rng.choice(ENTERPRISE_TENANTS) if plan == "enterprise"
                                 else f"tnt_{rng.getrandbits(24):06x}"),
            "custom:signup_source": weighted(rng, SIGNUP_SOURCES),
        }
        if rng.random() < 0.6:
            attributes["phone_number"] = people.phone(loc)
            attributes["phone_number_verified"] = "true" if rng.random() < 0.5 else "false"
        if plan != "free" or rng.random() < 0.2:
            attributes["custom:loyalty_points"] = str(rng.randint(0, 250) * 10)
        if rng.random() < 0.7:
            attributes["custom:marketing_opt_in"] = "true" if rng.random() < 0.4 else "false"
        if status == "UNCONFIRMED":
            # Self sign-up can't mark attributes verified.
            attributes.pop("email_verified")
            attributes.pop("phone_number_verified", None)
        if rng.random() < 0.3:
            attributes["birthdate"] = (f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}"
                                       f"-{rng.randint(1, 28):02d}")
        # A few user names in the person's own script (Cognito allows Unicode).
        if loc.tag not in ("en-US",) and rng.random() < 0.06:
            username = people.unique(f"{person.given}.{person.family}")
        else:
            username = local
        users.append(UserSpec(pool, username, attributes, status,
                              disabled=rng.random() < 0.05))
    return users


def assign_customer_groups(rng: random.Random, users: list[UserSpec]) -> None:
    confirmed = [u for u in users if u.status == "CONFIRMED" and not u.disabled]
    staff = rng.sample(confirmed, min(len(confirmed), 30))
    for user in staff[:6]:
        user.groups.append("admins")
    for user in staff[6:]:
        user.groups.append("support-agents")
    for user in users:
        if user.attributes["custom:plan"] == "enterprise":
            user.groups.append("enterprise-customers")
        if user.status == "CONFIRMED" and rng.random() < 0.05:
            user.groups.append("beta-testers")
        if user.disabled or rng.random() < 0.004:
            user.groups.append("fraud-review")


def staff_users(rng: random.Random, people: People, count: int) -> list[UserSpec]:
    departments = (("engineering", 40), ("support", 25), ("finance", 10), ("sales", 15),
                   ("security", 10))
    users = []
    for index in range(count):
        person = people.person()
        handle = people.unique(f"{person.given_r[0]}{person.family_r}"[:20])
        department = weighted(rng, departments)
        status = "CONFIRMED" if rng.random() < 0.85 else "FORCE_CHANGE_PASSWORD"
        attributes = {
            "email": f"{handle}@corp.example.com",
            "email_verified": "true",
            "given_name": person.given,
            "family_name": person.family,
            "name": person.full_name,
            "phone_number": people.phone(person.locale),
            "custom:department": department,
            "custom:employee_id": f"E{10000 + index * 37:06d}",
        }
        groups = [department] if department != "sales" else []
        if index < 3:
            groups.append("admins")
        if department in ("engineering", "security") and rng.random() < 0.3:
            groups.append("on-call")
        users.append(UserSpec("staff", handle, attributes, status,
                              disabled=rng.random() < 0.07, groups=groups))
    return users


def partner_users(rng: random.Random, people: People, count: int) -> list[UserSpec]:
    partners = (("northwind", "gold"), ("contoso", "gold"), ("fabrikam", "silver"),
                ("adventure-works", "silver"), ("tailspin", "bronze"),
                ("wide-world-importers", "bronze"))
    users = []
    for index in range(count):
        person = people.person()
        partner, tier = partners[index % len(partners)]
        email = f"{people.unique(person.handle)}@{partner}.example"
        status = weighted(rng, (("CONFIRMED", 75), ("FORCE_CHANGE_PASSWORD", 25)))
        attributes = {
            "email": email,
            "email_verified": "true",
            "name": person.full_name,
            "custom:partner_id": partner,
            "custom:tier": tier,
        }
        # UsernameAttributes=email: the e-mail address is the sign-in name.
        users.append(UserSpec("partners", email, attributes, status,
                              disabled=rng.random() < 0.05,
                              groups=[f"partners-{tier}"]))
    return users


def sandbox_users(rng: random.Random, people: People, count: int) -> list[UserSpec]:
    users = []
    for index in range(count):
        person = people.person()
        username = f"test-user-{index + 1:02d}"
        attributes = {"email": f"dev+{username}@example.com", "name": person.full_name}
        status = weighted(rng, (("CONFIRMED", 50), ("FORCE_CHANGE_PASSWORD", 30),
                                ("UNCONFIRMED", 20)))
        users.append(UserSpec("sandbox", username, attributes, status))
    return users


def build_users(rng: random.Random, count: int) -> dict[str, list[UserSpec]]:
    people = People(rng)
    prod = customer_users(rng, people, "prod", count)
    assign_customer_groups(rng, prod)
    staging = customer_users(rng, people, "staging", 40, domain_hint="staging.example.com")
    for user in staging:
        # UsernameAttributes=email: sign-in name is the address.
        user.username = user.attributes["email"]
        user.groups = [g for g in ("qa-team",) if rng.random() < 0.2]
    staging[0].groups = ["admins"]
    return {
        "prod": prod,
        "staging": staging,
        "staff": staff_users(rng, people, 32),
        "partners": partner_users(rng, people, 24),
        "sandbox": sandbox_users(rng, people, 12),
    }


# =============================================================================
# The seeder.
# =============================================================================

class Seeder:
    def __init__(self, endpoint: str, users: int, identities: int, workers: int,
                 ordered: bool = False):
        self.endpoint = endpoint
        self.ordered = ordered
        self.user_count = users
        self.identity_count = identities
        self.workers = max(1, workers)
        self.rng = random.Random(SEED)
        self.pools: dict[str, PoolInfo] = {
            "prod": PoolInfo("prod", US, "prod-customers"),
            "staging": PoolInfo("staging", EU, "staging-customers"),
            "staff": PoolInfo("staff", US, "internal-staff"),
            "partners": PoolInfo("partners", EU, "partner-portal"),
            "sandbox": PoolInfo("sandbox", EU, "dev-sandbox"),
        }
        self.stats = {"groups": 0, "memberships": 0, "clients": 0, "identities": 0,
                      "disabled_identities": 0, "devices": 0, "auth_events": 0,
                      "history_users": 0, "linked": 0, "sign_in_users": 0}
        # The emulator closes every connection after one reply (werkzeug), so
        # a busy moment can refuse a connect: let botocore retry those.
        config = Config(max_pool_connections=self.workers + 4,
                        retries={"mode": "standard", "max_attempts": 3},
                        connect_timeout=10, read_timeout=120)
        self._clients = {
            (service, region): boto3.client(
                service, endpoint_url=endpoint, region_name=region,
                aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                config=config)
            for service in ("cognito-idp", "cognito-identity") for region in (US, EU)
        }

    def idp(self, region: str) -> Any:
        return self._clients[("cognito-idp", region)]

    def identity(self, region: str) -> Any:
        return self._clients[("cognito-identity", region)]

    # -- entry point -------------------------------------------------------------

    def run(self) -> str:
        started = time.monotonic()
        self.refuse_if_seeded()
        specs = build_users(self.rng, self.user_count)
        self.create_user_pools()
        for key, users in specs.items():
            self.pools[key].users = users
        self.create_users()
        self.create_sign_in_demo()
        self.create_sign_in_history()
        self.link_google_identities()
        prod_identities = self.create_identity_pools()
        self.create_identities(prod_identities)
        elapsed = time.monotonic() - started

        all_users = [u for p in self.pools.values() for u in p.users]
        prod = self.pools["prod"].users
        return (
            f"seed_demo: {len(self.pools)} user pools, {len(all_users)} users "
            f"(prod-customers {len(prod)}: {sum(u.disabled for u in prod)} disabled, "
            f"{sum(u.status == 'UNCONFIRMED' for u in prod)} unconfirmed, "
            f"{sum(u.status == 'FORCE_CHANGE_PASSWORD' for u in prod)} force-change-password), "
            f"{self.stats['groups']} groups, {self.stats['memberships']} memberships, "
            f"{self.stats['clients']} app clients, 2 identity pools, "
            f"{self.stats['identities']} identities "
            f"({self.stats['disabled_identities']} disabled), "
            f"{self.stats['devices']} devices and {self.stats['auth_events']} sign-in events "
            f"for {self.stats['history_users']} users, "
            f"{self.stats['linked']} linked Google identities, "
            f"{self.stats['sign_in_users']} dev-sandbox sign-in demo users in {elapsed:.1f} s"
        )

    def refuse_if_seeded(self) -> None:
        pools = self.idp(US).list_user_pools(MaxResults=60)["UserPools"]
        if any(p["Name"] == "prod-customers" for p in pools):
            raise SeedError(f"{self.endpoint} already has a prod-customers user pool: "
                            "seed a freshly started emulator")

    # -- user pools ----------------------------------------------------------------

    def create_user_pools(self) -> None:
        self.create_prod_pool()
        self.create_staging_pool()
        self.create_staff_pool()
        self.create_partner_pool()
        self.create_sandbox_pool()

    def _pool(self, key: str, custom: list[dict[str, Any]], mfa: dict[str, Any] | None,
              **config: Any) -> PoolInfo:
        info = self.pools[key]
        idp = self.idp(info.region)
        info.pool_id = idp.create_user_pool(PoolName=info.name, **config)["UserPool"]["Id"]
        # Custom attributes are added afterwards: moto drops the standard
        # schema when CreateUserPool is given a Schema.
        if custom:
            idp.add_custom_attributes(UserPoolId=info.pool_id, CustomAttributes=custom)
        if mfa:
            idp.set_user_pool_mfa_config(UserPoolId=info.pool_id, **mfa)
        return info

    def _client(self, info: PoolInfo, name: str, **config: Any) -> str:
        client = self.idp(info.region).create_user_pool_client(
            UserPoolId=info.pool_id, ClientName=name, **config)["UserPoolClient"]
        info.clients[name] = client["ClientId"]
        self.stats["clients"] += 1
        return client["ClientId"]

    def _groups(self, info: PoolInfo, groups: list[tuple[str, str, int, str | None]]) -> None:
        idp = self.idp(info.region)
        for name, description, precedence, role_name in groups:
            params: dict[str, Any] = {"UserPoolId": info.pool_id, "GroupName": name,
                                      "Description": description, "Precedence": precedence}
            if role_name:
                params["RoleArn"] = role(role_name)
            idp.create_group(**params)
            info.groups.append(name)
            self.stats["groups"] += 1

    @staticmethod
    def _triggers(region: str, prefix: str, *names: str) -> dict[str, str]:
        functions = {
            "PreSignUp": "pre-signup", "PostConfirmation": "post-confirmation",
            "PreAuthentication": "pre-authentication", "PostAuthentication": "post-authentication",
            "PreTokenGeneration": "pre-token-generation", "CustomMessage": "custom-message",
            "UserMigration": "user-migration", "DefineAuthChallenge": "define-auth-challenge",
            "CreateAuthChallenge": "create-auth-challenge",
            "VerifyAuthChallengeResponse": "verify-auth-challenge",
        }
        return {name: lambda_arn(region, f"{prefix}-{functions[name]}") for name in names}

    def create_prod_pool(self) -> None:
        info = self._pool(
            "prod",
            custom=[
                {"Name": "tenant_id", "AttributeDataType": "String", "Mutable": False,
                 "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "64"}},
                {"Name": "plan", "AttributeDataType": "String", "Mutable": True,
                 "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "32"}},
                {"Name": "signup_source", "AttributeDataType": "String", "Mutable": True},
                {"Name": "loyalty_points", "AttributeDataType": "Number", "Mutable": True,
                 "NumberAttributeConstraints": {"MinValue": "0", "MaxValue": "1000000"}},
                {"Name": "marketing_opt_in", "AttributeDataType": "Boolean", "Mutable": True},
            ],
            mfa={
                "MfaConfiguration": "OPTIONAL",
                "SmsMfaConfiguration": {
                    "SmsAuthenticationMessage": "Your Example verification code is {####}",
                    "SmsConfiguration": {"SnsCallerArn": role("prod-customers-sms"),
                                         "ExternalId": "prod-customers-sms-external",
                                         "SnsRegion": US},
                },
                "SoftwareTokenMfaConfiguration": {"Enabled": True},
            },
            Policies={"PasswordPolicy": {
                "MinimumLength": 12, "RequireUppercase": True, "RequireLowercase": True,
                "RequireNumbers": True, "RequireSymbols": True,
                "TemporaryPasswordValidityDays": 3}},
            DeletionProtection="ACTIVE",
            LambdaConfig=self._triggers(US, "prod-customers", "PreSignUp", "PostConfirmation",
                                        "PreTokenGeneration", "CustomMessage",
                                        "PostAuthentication"),
            AliasAttributes=["email", "phone_number", "preferred_username"],
            AutoVerifiedAttributes=["email"],
            UsernameConfiguration={"CaseSensitive": False},
            VerificationMessageTemplate={
                "DefaultEmailOption": "CONFIRM_WITH_LINK",
                "EmailSubjectByLink": "Confirm your Example account",
                "EmailMessageByLink": "Welcome! {##Click here to confirm your e-mail##}",
            },
            EmailConfiguration={
                "EmailSendingAccount": "DEVELOPER",
                "SourceArn": f"arn:aws:ses:{US}:{ACCOUNT}:identity/no-reply@example.com",
                "From": "Example <no-reply@example.com>",
                "ReplyToEmailAddress": "support@example.com",
            },
            SmsConfiguration={"SnsCallerArn": role("prod-customers-sms"),
                              "ExternalId": "prod-customers-sms-external", "SnsRegion": US},
            UserPoolAddOns={"AdvancedSecurityMode": "ENFORCED"},
            AccountRecoverySetting={"RecoveryMechanisms": [
                {"Priority": 1, "Name": "verified_email"},
                {"Priority": 2, "Name": "verified_phone_number"}]},
            AdminCreateUserConfig={"AllowAdminCreateUserOnly": False},
            UserPoolTags={"environment": "production", "team": "identity",
                          "cost-center": "CC-1042", "data-classification": "pii"},
        )
        idp = self.idp(US)
        self._client(info, "web-spa", GenerateSecret=False,
                     ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                     SupportedIdentityProviders=["COGNITO", "Google", "AcmeCorpSAML"],
                     CallbackURLs=["https://app.example.com/auth/callback",
                                   "https://www.example.com/auth/callback"],
                     LogoutURLs=["https://app.example.com/signed-out"],
                     DefaultRedirectURI="https://app.example.com/auth/callback",
                     AllowedOAuthFlows=["code"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email", "profile",
                                         "https://api.example.com/orders.read"],
                     AccessTokenValidity=60, IdTokenValidity=60, RefreshTokenValidity=30,
                     TokenValidityUnits={"AccessToken": "minutes", "IdToken": "minutes",
                                         "RefreshToken": "days"},
                     ReadAttributes=["email", "email_verified", "name", "given_name",
                                     "family_name", "locale", "custom:plan", "custom:tenant_id"],
                     WriteAttributes=["name", "given_name", "family_name", "locale"],
                     PreventUserExistenceErrors="ENABLED", EnableTokenRevocation=True)
        self._client(info, "ios-app", GenerateSecret=False,
                     ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH",
                                        "ALLOW_REFRESH_TOKEN_AUTH"],
                     SupportedIdentityProviders=["COGNITO", "Google"],
                     CallbackURLs=["com.example.app://auth/callback"],
                     LogoutURLs=["com.example.app://signed-out"],
                     AllowedOAuthFlows=["code"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email", "profile"],
                     AccessTokenValidity=1, IdTokenValidity=1, RefreshTokenValidity=3650,
                     TokenValidityUnits={"AccessToken": "hours", "IdToken": "hours",
                                         "RefreshToken": "days"},
                     PreventUserExistenceErrors="ENABLED", EnableTokenRevocation=True)
        self._client(info, "android-app", GenerateSecret=False,
                     ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                     SupportedIdentityProviders=["COGNITO"],
                     CallbackURLs=["com.example.app:/auth/callback"],
                     AllowedOAuthFlows=["code"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email"],
                     RefreshTokenValidity=365,
                     PreventUserExistenceErrors="ENABLED")
        self._client(info, "orders-backend", GenerateSecret=True,
                     ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH",
                                        "ALLOW_REFRESH_TOKEN_AUTH"],
                     AllowedOAuthFlows=["client_credentials"],
                     AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["https://api.example.com/orders.read",
                                         "https://api.example.com/orders.write",
                                         "https://api.example.com/admin"],
                     AccessTokenValidity=15,
                     TokenValidityUnits={"AccessToken": "minutes"},
                     PreventUserExistenceErrors="ENABLED", EnableTokenRevocation=True)
        self._client(info, "legacy-import-job", GenerateSecret=True,
                     ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                     RefreshTokenValidity=1, PreventUserExistenceErrors="LEGACY")
        idp.create_user_pool_domain(UserPoolId=info.pool_id, Domain="example-prod-customers")
        idp.create_identity_provider(
            UserPoolId=info.pool_id, ProviderName="Google", ProviderType="Google",
            ProviderDetails={"client_id": "1234567890-demo.apps.googleusercontent.com",
                             "client_secret": "GOCSPX-demo-secret",
                             "authorize_scopes": "openid email profile"},
            AttributeMapping={"email": "email", "given_name": "given_name",
                              "family_name": "family_name", "username": "sub"})
        idp.create_identity_provider(
            UserPoolId=info.pool_id, ProviderName="AcmeCorpSAML", ProviderType="SAML",
            ProviderDetails={"MetadataURL": "https://sso.acme-corp.example/saml/metadata",
                             "IDPSignout": "true"},
            AttributeMapping={"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/"
                                       "claims/emailaddress",
                              "custom:tenant_id": "tenant"},
            IdpIdentifiers=["acme-corp.example"])
        idp.create_resource_server(
            UserPoolId=info.pool_id, Identifier="https://api.example.com", Name="Orders API",
            Scopes=[{"ScopeName": "orders.read", "ScopeDescription": "Read orders"},
                    {"ScopeName": "orders.write", "ScopeDescription": "Create and update orders"},
                    {"ScopeName": "admin", "ScopeDescription": "Administrative access"}])
        self._groups(info, [
            ("admins", "Full administrative access to the customer console", 0,
             "prod-customers-admin"),
            ("support-agents", "Customer support: read profiles, reset MFA", 10,
             "prod-customers-support"),
            ("enterprise-customers", "Accounts on an enterprise contract", 20,
             "prod-customers-enterprise"),
            ("beta-testers", "Early access to features behind flags", 40, None),
            ("fraud-review", "Accounts flagged for manual review by Trust & Safety", 50, None),
            ("legacy-import-2019", "Users migrated from the 2019 platform (kept for audit)",
             90, None),
        ])

    def create_staging_pool(self) -> None:
        info = self._pool(
            "staging",
            custom=[{"Name": "tenant_id", "AttributeDataType": "String", "Mutable": False},
                    {"Name": "plan", "AttributeDataType": "String", "Mutable": True},
                    {"Name": "signup_source", "AttributeDataType": "String", "Mutable": True}],
            mfa=None,
            MfaConfiguration="OFF",
            Policies={"PasswordPolicy": {
                "MinimumLength": 8, "RequireUppercase": True, "RequireLowercase": True,
                "RequireNumbers": True, "RequireSymbols": False,
                "TemporaryPasswordValidityDays": 7}},
            DeletionProtection="INACTIVE",
            LambdaConfig=self._triggers(EU, "staging-customers", "PreSignUp",
                                        "PostConfirmation", "PreTokenGeneration"),
            UsernameAttributes=["email"],
            AutoVerifiedAttributes=["email"],
            UsernameConfiguration={"CaseSensitive": False},
            UserPoolTags={"environment": "staging", "team": "identity"},
        )
        self._client(info, "web-spa-staging", GenerateSecret=False,
                     ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH",
                                        "ALLOW_REFRESH_TOKEN_AUTH"],
                     SupportedIdentityProviders=["COGNITO"],
                     CallbackURLs=["https://staging.example.com/auth/callback",
                                   "http://localhost:3000/auth/callback"],
                     AllowedOAuthFlows=["code", "implicit"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email", "profile"])
        self._client(info, "e2e-tests", GenerateSecret=True,
                     ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH",
                                        "ALLOW_REFRESH_TOKEN_AUTH"])
        self.idp(EU).create_user_pool_domain(UserPoolId=info.pool_id,
                                             Domain="example-staging-customers")
        self._groups(info, [("admins", "Staging administrators", 0, "staging-customers-admin"),
                            ("qa-team", "QA engineers running manual test plans", 10, None)])

    def create_staff_pool(self) -> None:
        info = self._pool(
            "staff",
            custom=[{"Name": "department", "AttributeDataType": "String", "Mutable": True},
                    {"Name": "employee_id", "AttributeDataType": "String", "Mutable": False},
                    {"Name": "clearance", "AttributeDataType": "Number", "Mutable": True,
                     "DeveloperOnlyAttribute": True}],
            mfa={"MfaConfiguration": "ON",
                 "SoftwareTokenMfaConfiguration": {"Enabled": True}},
            Policies={"PasswordPolicy": {
                "MinimumLength": 14, "RequireUppercase": True, "RequireLowercase": True,
                "RequireNumbers": True, "RequireSymbols": True,
                "TemporaryPasswordValidityDays": 1}},
            DeletionProtection="ACTIVE",
            LambdaConfig=self._triggers(US, "internal-staff", "PreAuthentication",
                                        "DefineAuthChallenge", "CreateAuthChallenge",
                                        "VerifyAuthChallengeResponse"),
            AliasAttributes=["email"],
            AutoVerifiedAttributes=["email"],
            AdminCreateUserConfig={
                "AllowAdminCreateUserOnly": True,
                "InviteMessageTemplate": {
                    "EmailSubject": "Your Example staff account",
                    "EmailMessage": "Hello {username}, your temporary password is {####}",
                    "SMSMessage": "Staff account {username}: temporary password {####}"}},
            UserPoolAddOns={"AdvancedSecurityMode": "AUDIT"},
            UserPoolTags={"environment": "production", "team": "it", "cost-center": "CC-0007",
                          "owner": "it-ops@example.com"},
        )
        self._client(info, "staff-console", GenerateSecret=True,
                     ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                     SupportedIdentityProviders=["AzureAD"],
                     CallbackURLs=["https://admin.example.com/oauth2/idpresponse"],
                     LogoutURLs=["https://admin.example.com/logout"],
                     AllowedOAuthFlows=["code"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email", "profile"],
                     AccessTokenValidity=30, IdTokenValidity=30, RefreshTokenValidity=12,
                     TokenValidityUnits={"AccessToken": "minutes", "IdToken": "minutes",
                                         "RefreshToken": "hours"})
        self._client(info, "grafana", GenerateSecret=True,
                     SupportedIdentityProviders=["AzureAD"],
                     CallbackURLs=["https://grafana.internal.example.com/login/generic_oauth"],
                     AllowedOAuthFlows=["code"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email"])
        idp = self.idp(US)
        idp.create_user_pool_domain(UserPoolId=info.pool_id, Domain="example-staff")
        idp.create_identity_provider(
            UserPoolId=info.pool_id, ProviderName="AzureAD", ProviderType="SAML",
            ProviderDetails={"MetadataURL": "https://login.microsoftonline.com/"
                                            "00000000-0000-0000-0000-000000000000/"
                                            "federationmetadata/2007-06/federationmetadata.xml",
                             "IDPSignout": "false"},
            AttributeMapping={"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/"
                                       "emailaddress",
                              "name": "http://schemas.microsoft.com/identity/claims/displayname"},
            IdpIdentifiers=["example.com"])
        self._groups(info, [
            ("admins", "IT administrators", 0, "internal-staff-admin"),
            ("security", "Security team: audit and incident response", 5, "internal-security"),
            ("engineering", "Engineering staff", 10, "internal-engineering"),
            ("on-call", "Current on-call rotation (break-glass access)", 15, "internal-oncall"),
            ("support", "Customer support staff", 20, "internal-support"),
            ("finance", "Finance and billing", 30, "internal-finance"),
        ])

    def create_partner_pool(self) -> None:
        info = self._pool(
            "partners",
            custom=[{"Name": "partner_id", "AttributeDataType": "String", "Mutable": False},
                    {"Name": "tier", "AttributeDataType": "String", "Mutable": True},
                    {"Name": "contract_end", "AttributeDataType": "DateTime", "Mutable": True}],
            mfa={"MfaConfiguration": "OPTIONAL",
                 "SoftwareTokenMfaConfiguration": {"Enabled": True}},
            Policies={"PasswordPolicy": {
                "MinimumLength": 10, "RequireUppercase": True, "RequireLowercase": True,
                "RequireNumbers": True, "RequireSymbols": False,
                "TemporaryPasswordValidityDays": 14}},
            DeletionProtection="ACTIVE",
            LambdaConfig=self._triggers(EU, "partner-portal", "PreSignUp",
                                        "PreTokenGeneration", "UserMigration"),
            UsernameAttributes=["email"],
            AutoVerifiedAttributes=["email"],
            AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
            UserPoolTags={"environment": "production", "team": "partnerships",
                          "cost-center": "CC-2210"},
        )
        self._client(info, "partner-portal-web", GenerateSecret=True,
                     ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                     SupportedIdentityProviders=["COGNITO", "PartnerOkta"],
                     CallbackURLs=["https://partners.example.com/callback"],
                     LogoutURLs=["https://partners.example.com/"],
                     AllowedOAuthFlows=["code"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid", "email", "profile"],
                     IdTokenValidity=8, AccessTokenValidity=8, RefreshTokenValidity=7,
                     TokenValidityUnits={"AccessToken": "hours", "IdToken": "hours",
                                         "RefreshToken": "days"})
        idp = self.idp(EU)
        idp.create_user_pool_domain(
            UserPoolId=info.pool_id, Domain="login.partners.example.com",
            CustomDomainConfig={"CertificateArn": f"arn:aws:acm:{US}:{ACCOUNT}:certificate/"
                                                  "4f0c6c1e-8a7d-4b8e-9b3a-2d1f0e9c7a11"})
        idp.create_identity_provider(
            UserPoolId=info.pool_id, ProviderName="PartnerOkta", ProviderType="OIDC",
            ProviderDetails={"client_id": "0oa1demo2partner3okta",
                             "client_secret": "okta-demo-secret",
                             "attributes_request_method": "GET",
                             "oidc_issuer": "https://partners.okta.example.com",
                             "authorize_scopes": "openid email profile"},
            AttributeMapping={"email": "email", "name": "name", "custom:partner_id": "org"})
        idp.create_resource_server(
            UserPoolId=info.pool_id, Identifier="partner-api", Name="Partner API",
            Scopes=[{"ScopeName": "catalog.read", "ScopeDescription": "Read the catalogue"},
                    {"ScopeName": "orders.submit", "ScopeDescription": "Submit orders"}])
        self._groups(info, [
            ("partners-gold", "Gold partners: API access and co-marketing", 10,
             "partner-portal-gold"),
            ("partners-silver", "Silver partners", 20, "partner-portal-silver"),
            ("partners-bronze", "Bronze partners: catalogue only", 30, None),
        ])

    def create_sandbox_pool(self) -> None:
        info = self._pool(
            "sandbox", custom=[],
            mfa={"MfaConfiguration": "OPTIONAL", "SoftwareTokenMfaConfiguration": {"Enabled": True}},
            Policies={"PasswordPolicy": {
                "MinimumLength": 6, "RequireUppercase": False, "RequireLowercase": False,
                "RequireNumbers": False, "RequireSymbols": False,
                "TemporaryPasswordValidityDays": 30}},
            DeletionProtection="INACTIVE",
        )
        self._client(info, "local-dev", GenerateSecret=False,
                     ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
                                        "ALLOW_REFRESH_TOKEN_AUTH"],
                     CallbackURLs=["http://localhost:8080/callback"],
                     AllowedOAuthFlows=["implicit"], AllowedOAuthFlowsUserPoolClient=True,
                     AllowedOAuthScopes=["openid"])
        # For trying sign-in: every flow, without and with a client secret.
        for name, secret in SIGN_IN_CLIENTS.items():
            self._client(info, name, GenerateSecret=secret, EnableTokenRevocation=True,
                         ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH",
                                            "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])

    # -- users -----------------------------------------------------------------------

    def create_users(self) -> None:
        tasks = [(info, user) for info in self.pools.values() for user in info.users]
        if self.ordered:
            # One thread per pool creates its users in order, so ListUsers
            # lists them in the same order on every run; the calls that
            # follow (password, disable, groups) then go to the thread pool.
            with ThreadPoolExecutor(len(self.pools)) as creators:
                list(creators.map(lambda info: [self.create_user(info, u) for u in info.users],
                                  self.pools.values()))
            self.parallel(lambda task: self.finish_user(*task), tasks)
        else:
            self.parallel(lambda task: (self.create_user(*task), self.finish_user(*task)),
                          tasks)
        self.stats["memberships"] = sum(len(u.groups) for _, u in tasks)

    def create_user(self, info: PoolInfo, user: UserSpec) -> None:
        idp = self.idp(info.region)
        attributes = [{"Name": k, "Value": v} for k, v in user.attributes.items()]
        if user.status == "UNCONFIRMED":
            # Self sign-up through the pool's public client: moto's SignUp
            # leaves the user UNCONFIRMED.
            client_id = next(iter(info.clients.values()))
            user.sub = idp.sign_up(ClientId=client_id, Username=user.username,
                                   Password=PASSWORD, UserAttributes=attributes)["UserSub"]
        else:
            created = idp.admin_create_user(
                UserPoolId=info.pool_id, Username=user.username, UserAttributes=attributes,
                TemporaryPassword=TEMPORARY_PASSWORD, MessageAction="SUPPRESS")["User"]
            user.sub = next(a["Value"] for a in created["Attributes"] if a["Name"] == "sub")

    def finish_user(self, info: PoolInfo, user: UserSpec) -> None:
        idp = self.idp(info.region)
        if user.status == "CONFIRMED":
            idp.admin_set_user_password(UserPoolId=info.pool_id, Username=user.username,
                                        Password=PASSWORD, Permanent=True)
        if user.disabled:
            idp.admin_disable_user(UserPoolId=info.pool_id, Username=user.username)
        for group in user.groups:
            idp.admin_add_user_to_group(UserPoolId=info.pool_id, Username=user.username,
                                        GroupName=group)

    def parallel(self, call: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        if self.workers == 1:
            return [call(item) for item in items]
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(call, items))

    def create_sign_in_demo(self) -> None:
        """dev-sandbox users with known passwords for trying sign-in: one plain, one with an
        authenticator app (any six digits pass in the emulator), one that must choose a new
        password."""
        info = self.pools["sandbox"]
        idp = self.idp(info.region)
        for username, (password, permanent) in SIGN_IN_USERS.items():
            idp.admin_create_user(UserPoolId=info.pool_id, Username=username, MessageAction="SUPPRESS",
                                  TemporaryPassword=TEMPORARY_PASSWORD,
                                  UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"},
                                                  {"Name": "email_verified", "Value": "true"}])
            if permanent:
                idp.admin_set_user_password(UserPoolId=info.pool_id, Username=username,
                                            Password=password, Permanent=True)
        # The authenticator app is linked with the user's own access token, as an app would.
        access = idp.initiate_auth(ClientId=info.clients["signin-demo"], AuthFlow="USER_PASSWORD_AUTH",
                                   AuthParameters={"USERNAME": "demo-totp", "PASSWORD": PASSWORD}
                                   )["AuthenticationResult"]["AccessToken"]
        idp.associate_software_token(AccessToken=access)
        idp.verify_software_token(AccessToken=access, UserCode="000000", FriendlyDeviceName="demo phone")
        idp.admin_set_user_mfa_preference(UserPoolId=info.pool_id, Username="demo-totp",
                                          SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
        self.stats["sign_in_users"] = len(SIGN_IN_USERS)

    # -- devices, sign-in events, linked identities -----------------------------------

    def create_sign_in_history(self) -> None:
        """Devices and sign-in events for a few prod-customers users, in one
        request to the emulator's seed route."""
        rng = random.Random(SEED + 2)
        prod = self.pools["prod"]
        users = rng.sample(active_users(prod), min(6, len(active_users(prod))))
        now = time.time()
        entries = [{"userPoolId": prod.pool_id, "username": user.username,
                    "devices": demo_devices(rng, now), "authEvents": demo_events(rng, now)}
                   for user in users]
        reply = post_json(f"{self.endpoint.rstrip('/')}{SEED_ROUTE}", {"users": entries})
        self.stats["history_users"] = len(entries)
        self.stats["devices"] = sum(len(e["devices"]) for e in entries)
        self.stats["auth_events"] = sum(len(e["authEvents"]) for e in entries)
        # An administrator has already marked the first user's newest failed attempt as not theirs.
        first = next((i for i, e in enumerate(entries[0]["authEvents"])
                      if e["EventResponse"] == "Fail"), None)
        if first is not None:
            self.idp(US).admin_update_auth_event_feedback(
                UserPoolId=prod.pool_id, Username=entries[0]["username"],
                EventId=reply["users"][0]["eventIds"][first], FeedbackValue="Invalid")

    def link_google_identities(self) -> None:
        """Two prod-customers users who can also sign in with Google."""
        rng = random.Random(SEED + 3)
        prod = self.pools["prod"]
        for user in rng.sample(active_users(prod), min(2, len(active_users(prod)))):
            self.idp(US).admin_link_provider_for_user(
                UserPoolId=prod.pool_id,
                DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": user.username},
                SourceUser={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject",
                            "ProviderAttributeValue": f"1{rng.randrange(10**20):020d}"})
            self.stats["linked"] += 1

    # -- identity pools ----------------------------------------------------------------

    def create_identity_pools(self) -> dict[str, Any]:
        prod = self.pools["prod"]
        web, ios = prod.clients["web-spa"], prod.clients["ios-app"]
        web_provider = f"{prod.provider_name}:{web}"
        ios_provider = f"{prod.provider_name}:{ios}"
        ci = self.identity(US)
        prod_pool = ci.create_identity_pool(
            IdentityPoolName="prod_identities",
            AllowUnauthenticatedIdentities=True,
            AllowClassicFlow=False,
            SupportedLoginProviders={
                "accounts.google.com": "1234567890-demo.apps.googleusercontent.com",
                "appleid.apple.com": "com.example.app",
                "graph.facebook.com": "731948201736485",
            },
            DeveloperProviderName="login.example.customers",
            CognitoIdentityProviders=[
                {"ProviderName": prod.provider_name, "ClientId": web,
                 "ServerSideTokenCheck": True},
                {"ProviderName": prod.provider_name, "ClientId": ios,
                 "ServerSideTokenCheck": False},
            ],
            IdentityPoolTags={"environment": "production", "team": "identity",
                              "cost-center": "CC-1042"},
        )
        pool_id = prod_pool["IdentityPoolId"]
        ci.set_identity_pool_roles(
            IdentityPoolId=pool_id,
            Roles={"authenticated": role("prod-identities-authenticated"),
                   "unauthenticated": role("prod-identities-guest")},
            RoleMappings={
                web_provider: {
                    "Type": "Rules",
                    "AmbiguousRoleResolution": "AuthenticatedRole",
                    "RulesConfiguration": {"Rules": [
                        {"Claim": "cognito:groups", "MatchType": "Contains", "Value": "admins",
                         "RoleARN": role("prod-identities-admin")},
                        {"Claim": "cognito:groups", "MatchType": "Contains",
                         "Value": "support-agents", "RoleARN": role("prod-identities-support")},
                        {"Claim": "custom:plan", "MatchType": "Equals", "Value": "enterprise",
                         "RoleARN": role("prod-identities-enterprise")},
                        {"Claim": "email", "MatchType": "StartsWith", "Value": "qa+",
                         "RoleARN": role("prod-identities-qa")},
                        {"Claim": "custom:plan", "MatchType": "NotEqual", "Value": "free",
                         "RoleARN": role("prod-identities-paid")},
                    ]},
                },
                ios_provider: {"Type": "Token", "AmbiguousRoleResolution": "Deny"},
            },
        )
        ci.set_principal_tag_attribute_map(
            IdentityPoolId=pool_id, IdentityProviderName=web_provider, UseDefaults=False,
            PrincipalTags={"tenant": "custom:tenant_id", "plan": "custom:plan",
                           "client": "aud", "username": "sub"})
        ci.set_principal_tag_attribute_map(
            IdentityPoolId=pool_id, IdentityProviderName=ios_provider, UseDefaults=True)
        ci.set_principal_tag_attribute_map(
            IdentityPoolId=pool_id, IdentityProviderName="accounts.google.com",
            UseDefaults=False, PrincipalTags={"email": "email", "google_sub": "sub"})
        ci.tag_resource(
            ResourceArn=f"arn:aws:cognito-identity:{US}:{ACCOUNT}:identitypool/{pool_id}",
            Tags={"owner": "identity-team@example.com", "data-classification": "pii"})

        staging = self.pools["staging"]
        ci_eu = self.identity(EU)
        staging_pool = ci_eu.create_identity_pool(
            IdentityPoolName="staging_identities",
            AllowUnauthenticatedIdentities=False,
            CognitoIdentityProviders=[{"ProviderName": staging.provider_name,
                                       "ClientId": staging.clients["web-spa-staging"],
                                       "ServerSideTokenCheck": False}],
            IdentityPoolTags={"environment": "staging"},
        )
        ci_eu.set_identity_pool_roles(
            IdentityPoolId=staging_pool["IdentityPoolId"],
            Roles={"authenticated": role("staging-identities-authenticated")})
        return {"id": pool_id, "web_provider": prod.provider_name,
                "staging_id": staging_pool["IdentityPoolId"],
                "staging_provider": staging.provider_name}

    # -- identities ------------------------------------------------------------------

    def create_identities(self, pools: dict[str, Any]) -> None:
        """A few hundred identities in prod_identities (and a handful in
        staging_identities). Created one by one: the identity service runs one
        request at a time anyway, and this keeps ListIdentities' order fixed."""
        rng = random.Random(SEED + 1)
        ci = self.identity(US)
        pool_id = pools["id"]
        prod = self.pools["prod"]
        signed_in = [u for u in prod.users if u.status == "CONFIRMED" and not u.disabled]
        rng.shuffle(signed_in)
        kinds = (("cognito", 45), ("google", 18), ("apple", 8), ("facebook", 5),
                 ("unauthenticated", 14), ("developer", 7), ("cognito+google", 3))
        google_ids: list[tuple[str, str]] = []
        developer_users: list[str] = []
        count = 0
        for index in range(self.identity_count):
            kind = weighted(rng, kinds)
            logins: dict[str, str] = {}
            if kind in ("cognito", "cognito+google") and signed_in:
                user = signed_in.pop()
                logins[pools["web_provider"]] = fake_id_token(
                    prod, user, prod.clients["web-spa"])
            if kind in ("google", "cognito+google"):
                logins["accounts.google.com"] = f"google-{rng.getrandbits(60):015d}"
            if kind == "apple":
                logins["appleid.apple.com"] = f"001{rng.getrandbits(40):012d}.apple"
            if kind == "facebook":
                logins["graph.facebook.com"] = f"fb-{rng.getrandbits(48)}"
            if kind == "developer":
                user_id = f"cust-{index:06d}"
                identity_id = ci.get_open_id_token_for_developer_identity(
                    IdentityPoolId=pool_id, Logins={"login.example.customers": user_id},
                    TokenDuration=3600)["IdentityId"]
                developer_users.append(user_id)
            elif logins or kind == "unauthenticated":
                params = {"Logins": logins} if logins else {}
                identity_id = ci.get_id(IdentityPoolId=pool_id, **params)["IdentityId"]
            else:
                continue
            count += 1
            if kind == "google":
                google_ids.append((identity_id, logins["accounts.google.com"]))

        # Disabled identities: unlinking the last login of an authenticated
        # identity disables it, and so does merging a developer user into another.
        disabled = 0
        for identity_id, token in google_ids[: max(1, len(google_ids) // 8)]:
            ci.unlink_identity(IdentityId=identity_id,
                               Logins={"accounts.google.com": token},
                               LoginsToRemove=["accounts.google.com"])
            disabled += 1
        if len(developer_users) >= 2:
            ci.merge_developer_identities(
                SourceUserIdentifier=developer_users[-1],
                DestinationUserIdentifier=developer_users[0],
                DeveloperProviderName="login.example.customers", IdentityPoolId=pool_id)
            disabled += 1

        staging = self.pools["staging"]
        ci_eu = self.identity(EU)
        client = staging.clients["web-spa-staging"]
        for user in [u for u in staging.users if u.status == "CONFIRMED"][:10]:
            ci_eu.get_id(IdentityPoolId=pools["staging_id"],
                         Logins={pools["staging_provider"]: fake_id_token(staging, user, client)})
            count += 1
        self.stats["identities"] = count
        self.stats["disabled_identities"] = disabled


def fake_id_token(pool: PoolInfo, user: UserSpec, client_id: str) -> str:
    """An ID-token-shaped JWT for ``user`` (unsigned: the emulator's identity
    service only reads the ``sub`` claim)."""
    def part(data: dict[str, Any]) -> str:
        raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")
    now = int(time.time())
    claims = {"sub": user.sub, "aud": client_id, "token_use": "id",
              "iss": f"https://cognito-idp.{pool.region}.amazonaws.com/{pool.pool_id}",
              "cognito:username": user.username, "email": user.attributes.get("email"),
              "cognito:groups": user.groups, "iat": now, "exp": now + 3600}
    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}.demo"


SEED_ROUTE = "/_emulator/cognito-idp/seed"
DAY = 86400.0

DEVICE_NAMES = ("iPhone 15 Pro", "Pixel 8", "Galaxy S24", "Chrome on macOS", "Firefox on Windows",
                "Safari on iPad", "Edge on Windows 11", "Chrome on Android")
# (city, country, timezone, documentation IP prefix): addresses from RFC 5737's ranges.
PLACES = (("Lyon", "France", "+01:00", "192.0.2."), ("Madrid", "Spain", "+01:00", "192.0.2."),
          ("Boston", "United States", "-05:00", "198.51.100."),
          ("Chicago", "United States", "-06:00", "198.51.100."),
          ("São Paulo", "Brazil", "-03:00", "203.0.113."), ("Osaka", "Japan", "+09:00", "203.0.113."),
          ("Kyiv", "Ukraine", "+02:00", "198.51.100."), ("Seoul", "South Korea", "+09:00", "203.0.113."))
# Risk level -> the decisions advanced security takes at that level, and how often.
RISK = {"Low": (("NoRisk", 1),), "Medium": (("NoRisk", 3), ("AccountTakeover", 1)),
        "High": (("AccountTakeover", 2), ("Block", 1))}


def active_users(pool: PoolInfo) -> list[UserSpec]:
    return [u for u in pool.users if u.status == "CONFIRMED" and not u.disabled]


def demo_devices(rng: random.Random, now: float) -> list[dict[str, Any]]:
    devices = []
    for name in rng.sample(DEVICE_NAMES, rng.randint(1, 3)):
        created = now - rng.uniform(30, 400) * DAY
        last = rng.uniform(created, now - 60)
        _, _, _, prefix = rng.choice(PLACES)
        devices.append({
            "DeviceAttributes": [
                {"Name": "device_name", "Value": name},
                {"Name": "dev:device_remembered_status",
                 "Value": "remembered" if rng.random() < 0.6 else "not_remembered"},
                {"Name": "last_ip_used", "Value": f"{prefix}{rng.randint(1, 254)}"},
            ],
            "DeviceCreateDate": round(created, 3),
            "DeviceLastModifiedDate": round(last, 3),
            "DeviceLastAuthenticatedDate": round(last, 3),
        })
    return devices


def demo_events(rng: random.Random, now: float) -> list[dict[str, Any]]:
    """A user's sign-in history, newest first: mostly sign-ins from home, now and then a
    password reset, a failure or a risky attempt from far away; the sign-up comes first."""
    home = rng.choice(PLACES)
    count = rng.randint(4, 6)
    times = sorted((now - rng.uniform(0.02, 90) * DAY for _ in range(count)), reverse=True)
    events = []
    for index, created in enumerate(times):
        last = index == count - 1
        kind = "SignUp" if last else weighted(rng, (("SignIn", 8), ("ForgotPassword", 1)))
        away = not last and rng.random() < 0.25
        city, country, zone, prefix = rng.choice(PLACES) if away else home
        level = weighted(rng, (("Medium", 2), ("High", 1))) if away else "Low"
        decision = weighted(rng, RISK[level])
        failed = decision == "Block" or (kind == "SignIn" and rng.random() < 0.15)
        challenges = [{"ChallengeName": "Password",
                       "ChallengeResponse": "Failure" if failed else "Success"}]
        if kind == "SignIn" and not failed and rng.random() < 0.4:
            challenges.append({"ChallengeName": "Mfa", "ChallengeResponse": "Success"})
        events.append({
            "EventType": kind,
            "CreationDate": round(created, 3),
            "EventResponse": "Fail" if failed else "Pass",
            "EventRisk": {"RiskDecision": decision, "RiskLevel": level,
                          "CompromisedCredentialsDetected": level == "High" and rng.random() < 0.3},
            "ChallengeResponses": challenges,
            "EventContextData": {"IpAddress": f"{prefix}{rng.randint(1, 254)}",
                                 "DeviceName": rng.choice(DEVICE_NAMES), "Timezone": zone,
                                 "City": city, "Country": country},
        })
    return events


def post_json(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise SeedError(f"{url} answered HTTP {error.code}: {error.read().decode()}") from None
    except urllib.error.URLError as error:
        raise SeedError(f"{url}: {error.reason}") from None


class SeedError(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("endpoint", help="emulator URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--users", type=int, default=3000,
                        help="users in prod-customers (default 3000)")
    parser.add_argument("--identities", type=int, default=300,
                        help="identities to create in prod_identities (default 300)")
    parser.add_argument("--workers", type=int, default=8,
                        help="parallel requests while creating users (default 8)")
    parser.add_argument("--ordered", action="store_true",
                        help="create each pool's users in a fixed order, so ListUsers "
                             "pages are the same on every run (a little slower)")
    args = parser.parse_args()
    if args.users < 1 or args.identities < 0:
        parser.error("--users must be at least 1 and --identities not negative")
    try:
        summary = Seeder(args.endpoint, args.users, args.identities, args.workers,
                         args.ordered).run()
    except SeedError as error:
        print(f"seed_demo: {error}", file=sys.stderr)
        return 1
    except (ClientError, BotoCoreError) as error:
        print(f"seed_demo: request failed: {error}", file=sys.stderr)
        return 1
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
