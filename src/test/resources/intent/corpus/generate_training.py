#!/usr/bin/env python3
"""Builds src/main/resources/intent/training.tsv from the hand-written templates in this folder.

Run from the project directory:  python3 src/test/resources/intent/corpus/generate_training.py
The dev file (../shared/data/intent-dev.tsv) is read only to drop any generated text that happens to
coincide with a dev text, so the evaluation stays honest.
"""
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
from gen_en_hilatn import EN, HI_LATN  # noqa: E402
from gen_indic import HI, MR, TA, TA_LATN  # noqa: E402
from gen_indic2 import TE, BN, KN, GU, ML, PA  # noqa: E402
from gen_extra import EXTRA, NATIVE  # noqa: E402

LANGS = [  # language, templates, target rows
    ("en", EN, 1150), ("hi-Latn", HI_LATN, 1250), ("hi", HI, 600), ("mr", MR, 240), ("ta", TA, 300),
    ("ta-Latn", TA_LATN, 240), ("te", TE, 300), ("bn", BN, 230), ("kn", KN, 220), ("gu", GU, 220),
    ("ml", ML, 220), ("pa", PA, 210),
]
SHARE = {"lead": .18, "support": .19, "payment": .16, "booking": .15, "vendor": .11, "opt_out": .09, "other": .12}

LATIN_PREFIX = {
    "en": ["", "", "", "hi, ", "hello ", "sir ", "dear sir, ", "good morning, ", "madam ", "hey "],
    "hi-Latn": ["", "", "", "sir ", "bhai ", "ji ", "namaste, ", "bhaiya ", "madam ", "hello "],
    "ta-Latn": ["", "", "", "sir ", "anna ", "hello ", "madam "],
}
LATIN_SUFFIX = ["", "", "", "", "?", " pls", " please", " 🙏", " asap", " sir", " ji", "..", " 👍", " plz", " !!"]
NATIVE_PREFIX = {"hi": ["", "", "", "सर, ", "भैया ", "नमस्ते, ", "जी "], "mr": ["", "", "साहेब ", "नमस्कार, "],
                 "ta": ["", "", "சார் ", "அண்ணா "], "te": ["", "", "సార్ ", "అన్నా "], "bn": ["", "", "দাদা ", "স্যার "],
                 "kn": ["", "", "ಸರ್ ", "ಅಣ್ಣ "], "gu": ["", "", "ભાઈ ", "સાહેબ "], "ml": ["", "", "സർ ", "ചേട്ടാ "],
                 "pa": ["", "", "ਜੀ ", "ਵੀਰ ਜੀ "]}
NATIVE_SUFFIX = ["", "", "", "?", " 🙏", " please", " ji", "।", " sir"]
QUIET_INTENTS = {"other"}  # short acknowledgements stay short


# mirrors TextNormalizer.java (spellings, squeezing) so the dev filter sees what the Java test sees
SPELLINGS = {'pls': 'please', 'plz': 'please', 'plzz': 'please', 'plss': 'please', 'pleas': 'please', 'plese': 'please', 'kia': 'kya', 'kyaa': 'kya', 'h': 'hai', 'hain': 'hai', 'he': 'hai', 'nhi': 'nahi', 'nai': 'nahi', 'nahin': 'nahi', 'msg': 'message', 'msgs': 'message', 'messages': 'message', 'u': 'you', 'ur': 'your', 'thnx': 'thanks', 'thx': 'thanks', 'thanku': 'thanks', 'tq': 'thanks', 'kro': 'karo', 'krdo': 'kar do', 'pymnt': 'payment', 'pmt': 'payment', 'oder': 'order', 'wat': 'what', 'wht': 'what', 'hw': 'how', 'abt': 'about', 'bej': 'bhej', 'bhejo': 'bhejo', 'appt': 'appointment', 'apointment': 'appointment', 'rs': 'rs', 'thik': 'theek', 'tik': 'theek', 'ji': 'ji', 'okk': 'ok', 'okay': 'ok', 'k': 'ok', 'kk': 'ok', 'pl': 'please', 'yr': 'yaar', 'bhai': 'bhai', 'bro': 'bhai'}
COMMON = set(['please', 'hello', 'hi', 'ok', 'yes', 'no', 'thanks', 'stop', 'sir', 'bhai', 'order', 'payment', 'karo'])


def norm_word(w):
    w = re.sub(r"([^\W\d_])\1\1+", r"\1\1", w)
    if w not in SPELLINGS:
        for k in range(1, len(w)):
            if w[k] == w[k - 1] and w[k].isalpha():
                single = w[:k] + w[k + 1:]
                if single in SPELLINGS or single in COMMON:
                    w = single
                    break
    return SPELLINGS.get(w, w)


def norm(text):
    t = unicodedata.normalize("NFC", text).lower().replace("\u200c", "").replace("\u200d", "")
    t = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in t)
    return " ".join(norm_word(w) for w in t.split())


def fill(template, slots, rnd):
    def repl(m):
        key = m.group(1)
        if key == "n":
            return str(rnd.choice([2, 3, 4, 5, 6, 7, 10, 12, 15]))
        return rnd.choice(slots[key])
    return re.sub(r"\{(\w)\}", repl, template)


def typo(text, rnd):
    """Misspellings people actually type: dropped vowels, stretched letters, txt-speak."""
    swaps = [("please", "pls"), ("please", "plz"), ("what is", "wat is"), ("kya", "kia"), ("hai", "h"),
             ("nahi", "nhi"), ("message", "msg"), ("thanks", "thnx"), ("you", "u"), ("your", "ur"),
             ("karo", "kro"), ("kar do", "krdo"), ("bhej", "bej"), ("order", "oder"), ("payment", "pymnt")]
    rnd.shuffle(swaps)
    for a, b in swaps[:3]:
        if a in text and rnd.random() < 0.6:
            return text.replace(a, b, 1)
    words = text.split()
    if words and rnd.random() < 0.5:
        i = rnd.randrange(len(words))
        w = words[i]
        if len(w) > 2 and w.isalpha():
            j = rnd.randrange(1, len(w))
            words[i] = w[:j] + w[j - 1] * rnd.randint(1, 3) + w[j:]
    return " ".join(words)


def decorate(lang, intent, text, rnd):
    latin = lang in LATIN_PREFIX
    if intent not in QUIET_INTENTS or rnd.random() < 0.2:
        if latin:
            text = rnd.choice(LATIN_PREFIX[lang]) + text + rnd.choice(LATIN_SUFFIX)
        else:
            text = rnd.choice(NATIVE_PREFIX.get(lang, [""])) + text + rnd.choice(NATIVE_SUFFIX)
    if latin:
        r = rnd.random()
        if r < 0.25:
            text = typo(text, rnd)
        elif r < 0.32:
            text = text.upper() if len(text) < 40 else text.capitalize()
        elif r < 0.55:
            text = text[:1].upper() + text[1:]
    return text.strip()


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../../.."))
    dev_path = os.path.join(root, "..", "shared", "data", "intent-dev.tsv")
    dev = set()
    if os.path.exists(dev_path):
        with open(dev_path, encoding="utf-8") as f:
            next(f)
            dev = {norm(line.rstrip("\n").split("\t")[3]) for line in f if line.count("\t") >= 3}
    rnd = random.Random(20261125)
    rows, seen = [], set()
    for lang, spec, target in LANGS:
        for intent, share in SHARE.items():
            want = max(8, round(target * share))
            templates = spec[intent] + EXTRA.get(lang, {}).get(intent, []) + NATIVE.get(lang, {}).get(intent, [])
            extra = len(EXTRA.get(lang, {}).get(intent, [])) + len(NATIVE.get(lang, {}).get(intent, []))
            want += extra * (2 if lang in LATIN_PREFIX else 1)
            got, attempts = 0, 0
            # every template at least once, then random fills until the quota is met
            queue = list(templates)
            while got < want and attempts < want * 40:
                attempts += 1
                tpl = queue.pop() if queue else rnd.choice(templates)
                text = decorate(lang, intent, fill(tpl, spec["slots"], rnd), rnd)
                key = norm(text)
                if not key or key in seen or key in dev:
                    continue
                seen.add(key)
                rows.append((lang, intent, text))
                got += 1
    rnd.shuffle(rows)
    out = os.path.join(root, "src", "main", "resources", "intent", "training.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("id\tlang\tintent\ttext\n")
        for i, (lang, intent, text) in enumerate(rows, 1):
            f.write(f"tr-{i:05d}\t{lang}\t{intent}\t{text}\n")
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main()
