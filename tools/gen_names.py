#!/usr/bin/env python3
"""Generates src/entities/data/names.tsv: Arabic given names and surnames, and the Latin spellings of
the given names, with enough attestations to be trusted.

Source: PyPI package arabic-name-romanizer 0.2.0 (MIT), file resources/names.sqlite3, whose data come
from Wikidata (CC0), the Algerian Name Transcription Corpus (CC0) and DziriNames (MIT).
Keys are normalised as in the source (أ/إ/آ→ا, ى→ي, ة→ه). Persian and Urdu rows (IR, PK, AF) are left
out, and so are names that are also common Arabic words (see COMMON). Those, and rare given names, are
listed as "weak" (they count inside a name, never open one); "full" rows are Wikidata full names that
open with a weak given name and have at least one word that is no common word.

Usage:
    pip download --no-deps arabic-name-romanizer -d /tmp/names && cd /tmp/names && unzip -o *.whl
    python3 tools/gen_names.py /tmp/names/arabic_name_romanizer/resources/names.sqlite3 > src/entities/data/names.tsv
"""
import re
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1] if len(sys.argv) > 1 else "/tmp/names/arabic_name_romanizer/resources/names.sqlite3")
MIN_COUNT = 5
# Names that are also frequent words in news text; a name lexicon hit on them would be noise.
COMMON = set("""
بين ام هنا الشاب طالب حاكم جامع يمني تركي سلام حياه ملك نصر صباح امل فرح رحمه نجاح دعاء ضياء سماح عفاف
منار ملاك مجد فضل خلف عطيه زين نور شهد وفاء امان امين عادل كامل صالح جميل سعيد كريم حسن سالم رشيد عزيز
فاضل مختار منصور حكيم حافظ شريف رائد قائد بشير نبيل سامي وحيد عارف راضي غالب مؤمن فائز فالح مفيد
هلال بدر قمر شمس نجم ربيع خميس جمعه رمضان شعبان عيد فجر سحر ضحي هدي ثريا زهره ورده ياسمين عبير نسيم
اسلام ايمان احسان اقبال انتصار بشري حنان دلال رجاء سعاده سلامه صفاء عزه كرامه لطيفه نعمه هناء وداد
الحاج حاج سيد سيدي مولاي شيخ الشيخ بن بنت ابو ابن ال عبد عبدال عبد ال عبدو امير الامير الامين الهادي
دولة مدينة جديد كبير صغير حر عربي اسود ابيض اخضر احمر
مني امال مبارك صادق سيف كرم جاد ثابت صافي عهد مفتاح بابا منه بيان ماي سام دنيا لطيف مساعد ولد ايت ايه نايت
بني حواء مشهور عطا بركات صقر عاشور بدر رجا منه نعمان غيث شروق تقي
باسم متي نداء امنيه العربي علمي عليه اولاد انا مسلم رسول منت ملا وعد اسد الصغير الصالح صديق عابد قادر عون
نمر حنين ولاء نصير خير الشابه العيد مصباح
""".split())
arabic = re.compile(r"^[\u0621-\u064a ]+$")
# Words of COMMON that are no given names at all (particles, kinship and honorific words, adjectives).
NOT_NAMES = set("""
بين ام هنا الشاب ابو ابن ال عبد عبدال عبدو بني ايت نايت ولد ايه منه ماي سام بابا حاج الحاج سيد سيدي مولاي
الهادي الامين صغير يمني تركي جامع حاكم طالب دوله مدينه جديد كبير حر عربي اسود ابيض اخضر احمر بيان ملك
متي نداء امنيه العربي علمي عليه اولاد انا مسلم رسول منت ملا وعد اسد الصغير الصالح عون نمر حنين ولاء نصير خير
الشابه العيد مصباح
""".split())


def rows(role):
    q = """select arabic_key, sum(count) s from units where role = ? and country not in ('IR','PK','AF')
           group by arabic_key having s >= ? order by s desc, arabic_key"""
    for key, _ in db.execute(q, (role, MIN_COUNT)):
        if arabic.match(key) and key not in COMMON and len(key.replace(" ", "")) >= 3:
            if key.startswith("بن ") or key.startswith("بنت "):
                continue
            yield key


def weak_given():
    """Given names that are also common words: they count inside a name, never open one alone."""
    q = """select arabic_key, sum(count) s from units where role = 'given' and country not in ('IR','PK','AF')
           group by arabic_key having s >= ? order by s desc, arabic_key"""
    for key, s in db.execute(q, (2,)):
        if not arabic.match(key) or key in NOT_NAMES or len(key.replace(" ", "")) < 3 or " " in key:
            continue
        if key in COMMON or s < MIN_COUNT:
            yield key


def full_names():
    """Full names (Wikidata) that open with a weak given name, which the rules cannot read alone."""
    weak = set(weak_given())
    q = """select distinct arabic_key from full_names where source = 'wikidata'
           and country not in ('IR','PK','AF') order by arabic_key"""
    for (key,) in db.execute(q):
        words = key.split()
        # at least one later word must be no common word: "سلام عادل" is also "a just peace"
        rest_named = any(w not in COMMON and w not in NOT_NAMES for w in words[1:])
        if arabic.match(key) and 2 <= len(words) <= 4 and words[0] in weak and all(len(w) >= 2 for w in words) \
                and rest_named:
            yield key


def latin_given():
    q = """select latin, sum(count) s from units where role = 'given' and country not in ('IR','PK','AF')
           and latin_lang in ('', 'en') group by latin having s >= ? order by s desc, latin"""
    for latin, _ in db.execute(q, (MIN_COUNT * 2,)):
        if re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?", latin):
            yield latin


print("# Personal names: given names and surnames in Arabic script (normalised keys: ا for أ/إ/آ, ي for ى,")
print("# ه for ة) and Latin spellings of given names; weak given names (also common words, or rare) that")
print("# count only inside a name; full names of public figures that open with a weak given name.")
print("# Source: arabic-name-romanizer 0.2.0 (MIT; data from Wikidata CC0, the Algerian Name Transcription")
print("# Corpus CC0 and DziriNames MIT). Generated by tools/gen_names.py; do not edit by hand.")
print("# role\tname")
seen = set()
roles = (("given", rows("given")), ("surname", rows("surname")), ("latin", latin_given()), ("weak", weak_given()),
         ("full", full_names()))
for role, gen in roles:
    for k in gen:
        if (role, k) not in seen:
            seen.add((role, k))
            print(f"{role}\t{k}")
