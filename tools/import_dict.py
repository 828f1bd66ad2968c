#!/usr/bin/env python3
"""import_dict.py -- convert TABARI / PETRARCH dictionaries to dyad lexicons.

Usage:
    import_dict.py [--dialect auto|tabari|petrarch] [--kind auto|actors|agents|verbs]
                   [--out DIR] [--name SUFFIX] FILE...

Reads TABARI (.actors, .agents, .verbs) or PETRARCH (*.actors.txt,
*agents.txt, CAMEO.*.txt verbs) dictionaries and writes our format
(lexicons/README.md): to stdout, or with --out DIR to DIR/en/actors-SUFFIX.txt
and DIR/en/events-SUFFIX.txt (SUFFIX defaults to "imported"). What was mapped
and what was dropped is counted on stderr. Python 3 standard library only.

How the constructs map
----------------------
Actors and agents (both dialects)
  PHRASE [CODE]                  -> CODE n phrase          (agents: kind g)
  NAME / +SYNONYM ... / [CODE]   -> one line per name and synonym
  [CODE >YYMMDD] [CODE <YYMMDD]  -> @FROM.. / @..TO (the day after / before)
  [CODE YYMMDD-YYMMDD]           -> @FROM..TO; 6-digit years below 30 are
                                    20YY, others 19YY; 8-digit dates as is
  [~GOV] (agent after a country) -> GOV g phrase
  WORD_WORD                      -> "word word" (adjacent words)
  TABARI word without a final _  -> word* (TABARI words are stems that match
                                    any longer word: LEBAN = Lebanon, Lebanese);
                                    with a final _ -> the word (our stemming)
  PETRARCH words                 -> the word (PETRARCH matches whole words)
  !PERSON! macros (PETRARCH)     -> expanded, one line per alternative
  AGENT {PLURAL FORMS}           -> one more line per listed form
Verbs
  VERB [CODE]                    -> CODE verb              (TABARI: verb*)
  { FORM FORM } after a TABARI verb, VERB {FORMS} (PETRARCH)
                                 -> the same lines for each irregular form
  --- NAME [CODE] --- blocks      -> every verb of the block, the block code
                                    as default (PETRARCH)
  - WORDS * WORDS [CODE]         -> CODE w1 ... verb ... w2: a space between
                                    pattern words is a gap (...), _ keeps them
                                    adjacent
  { A | B } (TABARI)             -> one line per alternative
  { A B } (PETRARCH noun phrase), ( P X ) (PETRARCH prep. phrase)
                                 -> the words in order
  &SYNSET                        -> expanded from the <SYNSETS> / &NAME +member
                                    lists, one line per member
  + (target) or $ (source) after the verb, right behind a preposition P
                                 -> T=P / S=P, the preposition leaves the phrase
  + before the verb (the subject is the target)
                                 -> passive
  ^ (skip a word)                -> gap
  [CODE:CODE] (event and reverse event) -> the first code only

What is dropped (each counted on stderr)
  [---] [###] [+++] null codes, and any code that is not a CAMEO-like code
  (actors: 3+ capitals/digits; events: 2-4 digits; TABARI's "031!" loses the
  "!"); paired-event second codes; ELR/GAL multi-codes keep the first code;
  dated null codes ([--- <950630]) are dropped, so the undated code applies
  then too; agent codes with a trailing ~ (NGO~: agent before the country)
  become ordinary g codes; % (compound actor) marks; TABARI <NOUN>,
  <ADJECTIVE>, <TIME> sections and everything after ~~FINISH; PETRARCH
  issues and discards files; PETRARCH transformations (~ a (a b ATTACK)
  SAY = ...); patterns longer than 10 words (our limit);
  duplicate phrases (the first wins, as in our lexicons); expansions beyond
  64 lines per pattern.

Imported dictionaries are other projects' work under their own licences:
never commit the output to the dyad repository.
"""
import argparse
import datetime
import itertools
import os
import re
import sys
from collections import Counter

MAXW = 10          # words per phrase, gaps included (PH_MAXW)
MAXEXP = 64        # expansions per pattern
PREPS = {"to", "from", "with", "against", "on", "at", "for", "in", "into",
         "by", "of", "over", "toward", "towards", "upon", "about", "between"}

stats = Counter()


def nkeys(words):
    """Keys a phrase takes in the engine: hyphens and apostrophes split a
    word (a final 's stays with it), a gap takes one."""
    n = 0
    for w in words:
        parts = [p for p in re.split(r"[-'\u2019]", w.strip("=~*")) if p]
        if len(parts) > 1 and parts[-1] in ("s", "S"):
            parts.pop()
        n += max(1, len(parts))
    return n


def warn(msg):
    stats[msg] += 1


# ------------------------------------------------------------------ words

def word_form(w, dialect):
    """One dictionary word (no _ inside) in our notation, or None."""
    exact_end = w.endswith("_")
    w = w.strip("_").strip()
    w = w.replace("~", "").replace("=", "").replace("*", "").replace("|", "")
    w = w.lstrip("@#")
    if not w or not re.search(r"[A-Za-z0-9]", w):
        return None
    w = w.lower()
    if dialect == "tabari" and not exact_end and len(w) >= 2:
        return w + "*"
    return w


def join_words(text, dialect):
    """'A_B C_' -> ['a*', 'b*', 'c'] for TABARI: _ joins adjacent words;
    only a final _ (end of the item) makes the word exact."""
    out = []
    for tok in text.split():
        exact_end = tok.endswith("_")
        parts = [p for p in tok.split("_") if p]
        for i, p in enumerate(parts):
            f = word_form(p + ("_" if exact_end and i == len(parts) - 1 else ""), dialect)
            if f:
                out.append(f)
    return out


# ------------------------------------------------------------------ dates

def parse_day(s):
    s = s.strip()
    try:
        if len(s) == 6:
            yy = int(s[:2])
            y = 2000 + yy if yy < 30 else 1900 + yy
            return datetime.date(y, int(s[2:4]), int(s[4:6]))
        if len(s) == 8:
            return datetime.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        pass
    return None


def date_range(spec):
    """'<950601', '>990816', '950601 - 990815' -> '@FROM..TO' or None, '' if
    undated."""
    spec = spec.replace(" ", "")
    if not spec:
        return ""
    one_day = datetime.timedelta(days=1)
    if spec[0] == "<":
        d = parse_day(spec[1:])
        return "@..%s" % (d - one_day).isoformat() if d else None
    if spec[0] == ">":
        d = parse_day(spec[1:])
        return "@%s.." % (d + one_day).isoformat() if d else None
    m = re.fullmatch(r"(\d+)-(\d+)", spec)
    if m:
        a, b = parse_day(m.group(1)), parse_day(m.group(2))
        if a and b:
            return "@%s..%s" % (a.isoformat(), b.isoformat())
    return None


# ----------------------------------------------------------------- actors

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")


def parse_codes(text, agent):
    """'[HOB <950601] [HOBGOV 950601-990815]' -> [(code, range)], kind."""
    out = []
    for blk in CODE_BLOCK.findall(text):
        blk = blk.strip()
        m = re.match(r"(\S*)\s*(.*)", blk)
        code, rest = m.group(1), m.group(2)
        if code.startswith(("<", ">")) or re.fullmatch(r"[\d\-<>]+", code or "x"):
            rest, code = blk, ""
        if code.startswith("~") or code.endswith("~"):
            if code.endswith("~") and not code.startswith("~"):
                warn("actors: agent code with a trailing ~ made an ordinary agent")
            code, agent = code.strip("~"), True
        if "/" in code:
            warn("actors: multi-code A/B kept the first code")
            code = code.split("/")[0]
        if code in ("---", "###", "+++", ""):
            warn("actors: null code ([---], [###], [+++]) dropped")
            continue
        if not re.fullmatch(r"[A-Z0-9]{3,15}", code):
            warn("actors: code not A-Z/0-9 (3-15) dropped")
            continue
        rng = date_range(rest)
        if rng is None:
            warn("actors: unreadable date restriction dropped (entry kept undated)")
            rng = ""
        out.append((code, rng, agent))
    return out


def strip_comment(line, dialect):
    # TABARI comments start with ';', PETRARCH ones with '#'
    if dialect == "tabari":
        line = line.split(";", 1)[0]
    cut = re.search(r"(^|\s)#", line)
    return line[:cut.start()] if cut else line


def expand_macros(phrase, macros):
    m = re.search(r"!(\w+)!", phrase)
    if not m or m.group(1) not in macros:
        return [phrase]
    out = []
    for alt in macros[m.group(1)]:
        out += expand_macros(phrase[:m.start()] + alt + phrase[m.end():], macros)
    return out


def import_actors(lines, dialect, agents_file, emit):
    macros = {}
    pending = []            # names of a NAME / +SYN / [CODE] block
    inline = []             # codes given on the NAME line itself
    seen = set()

    def write(names, codes):
        for code, rng, agent in codes:
            for nm in names:
                for ph in expand_macros(nm, macros):
                    words = join_words(ph, dialect)
                    if not words:
                        warn("actors: empty phrase dropped")
                        continue
                    if nkeys(words) > MAXW:
                        warn("actors: phrase longer than 10 words dropped")
                        continue
                    kind = "g" if agent else "n"
                    key = (code, kind, tuple(words), rng)
                    if key in seen:
                        warn("actors: duplicate line dropped")
                        continue
                    seen.add(key)
                    emit("%-10s %s  %s%s" % (code, kind, " ".join(words),
                                             "  " + rng if rng else ""))
                    stats["actors: lines written"] += 1

    section = None
    for raw in lines:
        if raw.startswith("~~FINISH"):
            break
        line = strip_comment(raw.rstrip("\n"), dialect)
        if not line.strip():
            continue
        s = line.strip()
        m = re.fullmatch(r"<(/?)(\w+)>", s)
        if m:
            section = None if m.group(1) else m.group(2).upper()
            continue
        if section:
            warn("actors: <%s> section line dropped" % section)
            continue
        m = re.fullmatch(r"!(\w+)!\s*=\s*(.*)", s)
        if m:
            macros[m.group(1)] = [a.strip() for a in m.group(2).split(",") if a.strip()]
            continue
        if s.startswith("+"):
            pending.append(s[1:].split("[")[0].strip())
            if "[" in s:
                write(pending[-1:], parse_codes(s, agents_file))
            elif inline:                    # NAME [CODE] then +SYNONYMs
                write(pending[-1:], inline)
            continue
        if s.startswith("["):
            if not pending:
                warn("actors: code block without a name dropped")
                continue
            inline = []
            write(pending, parse_codes(s, agents_file))
            continue
        # NAME [CODE...]  or  NAME {PLURALS} [CODE]  or a NAME that opens a block
        name = s.split("[", 1)[0]
        plurals = []
        pm = re.search(r"\{([^}]*)\}", name)
        if pm:
            plurals = pm.group(1).split()
            name = name[:pm.start()] + name[pm.end():]
        name = name.strip()
        pending = [name] + plurals
        inline = parse_codes(s[s.index("["):], agents_file) if "[" in s else []
        write(pending, inline)


# ------------------------------------------------------------------ verbs

def event_code(text):
    """'[042:043]' -> '042', '[031!]' -> '031', '[---]' -> None."""
    c = text.strip().strip("[]").strip()
    if ":" in c:
        warn("verbs: paired code X:Y kept the first")
        c = c.split(":")[0]
    if c in ("---", "###", "+++", ""):
        return None
    if c.endswith("!"):
        warn("verbs: code suffix ! dropped")
        c = c[:-1]
    if not re.fullmatch(r"\d{2,4}", c):
        warn("verbs: code not 2-4 digits dropped")
        return None
    return c


def pattern_tokens(pat):
    """Tokens of a pattern: words (with _ joins kept), { } and ( ) groups,
    | separators, markers * $ + % ^."""
    pat = re.sub(r"([{}()|*$+%^])", r" \1 ", pat)
    toks = []
    for t in pat.split():
        # "IN_ *" and "* _TALKS" keep their join as a trailing/leading _
        if t == "_" and toks:
            toks[-1] += "_"
        else:
            toks.append(t)
    return toks


def expand_alternatives(tokens, synsets, dialect):
    """-> list of token lists, { a | b } and &SET expanded, groups opened."""
    seqs = [[]]
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "{":
            j = i + 1
            depth = 1
            while j < len(tokens) and depth:
                depth += tokens[j] == "{"
                depth -= tokens[j] == "}"
                j += 1
            inner = tokens[i + 1:j - 1]
            if "|" in inner:
                alts, cur = [], []
                for x in inner:
                    if x == "|":
                        alts.append(cur)
                        cur = []
                    else:
                        cur.append(x)
                alts.append(cur)
                seqs = [s + a for s in seqs for a in alts]
            else:
                seqs = [s + inner for s in seqs]
            i = j
            continue
        if t in ("(", ")", "}"):
            i += 1
            continue
        seqs = [s + [t] for s in seqs]
        i += 1
        if len(seqs) > MAXEXP:
            warn("verbs: expansions beyond 64 per pattern dropped")
            seqs = seqs[:MAXEXP]
    # synsets inside tokens: &NAME or WORD_&NAME_WORD
    out = []
    for s in seqs:
        variants = [[]]
        for t in s:
            forms = expand_syn(t, synsets)
            variants = [v + [f] for v in variants for f in forms][:MAXEXP]
        out += variants
    return out[:MAXEXP]


def expand_syn(tok, synsets, depth=0):
    m = re.search(r"&([A-Z0-9]+_?)", tok)
    if not m or depth > 4:
        return [tok]
    name = m.group(1).rstrip("_")
    members = synsets.get(name) or synsets.get(name + "_")
    if not members:
        warn("verbs: unknown synset left as a word")
        return [tok.replace("&", "")]
    out = []
    for mem in members:
        joined = tok[:m.start()] + mem + ("_" if m.group(1).endswith("_") else "") + tok[m.end():]
        out += expand_syn(joined, synsets, depth + 1)
    return out


def build_event(code, verb_words, seq, dialect):
    """seq: pattern tokens with '*' for the verb -> (phrase words, flags)."""
    flags = []
    if "*" not in seq:
        seq = ["*"] + seq
    vpos = seq.index("*")
    words = []          # list of (word or '...') in order
    prev_gap = False
    skip_next_gap = False
    for k, t in enumerate(seq):
        joined = k > 0 and seq[k - 1].endswith("_")
        if t == "*":
            if words and words[-1] != "..." and not joined:
                words.append("...")
            words.extend(verb_words)
            continue
        if t in ("$", "+"):
            after = k > vpos
            if t == "+" and not after:
                flags.append("passive")
            # a preposition right before the marker names the role
            if after and words and words[-1] not in ("...",) and words[-1].rstrip("*") in PREPS \
                    and (len(words) < 2 or words[-1] not in verb_words):
                prep = words.pop().rstrip("*")
                if words and words[-1] == "...":
                    words.pop()
                flags.append(("T=" if t == "+" else "S=") + prep)
            continue
        if t in ("%",):
            warn("verbs: % compound mark dropped")
            continue
        if t == "^":
            if words and words[-1] != "...":
                words.append("...")
            continue
        ws = join_words(t, dialect)
        if not ws:
            continue
        if words and words[-1] != "..." and not joined and not t.startswith("_"):
            words.append("...")
        words.extend(ws)
    while words and words[0] == "...":
        words.pop(0)
    while words and words[-1] == "...":
        words.pop()
    dedup = []
    for w in words:
        if w == "..." and dedup and dedup[-1] == "...":
            continue
        dedup.append(w)
    seen, fl = set(), []
    for f in flags:
        key = f[:2] if f[:2] in ("S=", "T=") else f
        if key not in seen:
            seen.add(key)
            fl.append(f)
    return dedup, fl


def import_verbs(lines, dialect, emit):
    synsets = {}
    seen = set()
    cur_syn = None
    section = None
    verbs = []            # current block's verbs: list of word lists
    block_code = None
    last_pattern_ok = False

    def write(code, words, flags):
        if code is None:
            return
        if not words:
            warn("verbs: empty phrase dropped")
            return
        if nkeys(words) > MAXW:
            warn("verbs: phrase longer than 10 words dropped")
            return
        key = tuple(words)
        if key in seen:
            warn("verbs: duplicate phrase dropped (first wins)")
            return
        seen.add(key)
        emit("%-5s %s%s" % (code, " ".join(words), "  | " + " ".join(flags) if flags else ""))
        stats["verbs: lines written"] += 1

    def verb_forms(text):
        """'HURRY {HURRIES HURRIED}' -> [['hurry'], ['hurries'], ...]"""
        forms = []
        m = re.search(r"\{([^}]*)\}", text)
        base = text[:m.start()] if m else text
        extra = m.group(1).split() if m else []
        for f in [base] + extra:
            f = f.replace("+", " ").strip()
            ws = join_words(f, dialect)
            if ws:
                forms.append(ws)
        return forms

    pending_patterns = []    # TABARI: patterns wait for the { forms } line

    def flush():
        for code, seq in pending_patterns:
            for vw in verbs:
                for alt in expand_alternatives(seq, synsets, dialect):
                    words, flags = build_event(code, vw, alt, dialect)
                    write(code, words, flags)
        pending_patterns.clear()

    for raw in lines:
        if raw.startswith("~~FINISH"):
            break
        line = strip_comment(raw.rstrip("\n"), dialect)
        s = line.strip()
        if not s:
            continue
        m = re.fullmatch(r"<(/?)(\w+)>", s)
        if m:
            section = None if m.group(1) else m.group(2).upper()
            cur_syn = None
            continue
        if s.startswith("~"):
            warn("verbs: PETRARCH transformation (~) dropped")
            continue
        if section == "TIME":
            warn("verbs: <TIME> line dropped")
            continue
        if s.startswith("&") and not s.startswith("&&"):
            flush()
            verbs = []
            cur_syn = s[1:].split()[0]
            synsets[cur_syn] = []
            continue
        if cur_syn and s.startswith("+") and (section == "SYNSETS" or dialect == "petrarch") \
                and not verbs:
            synsets[cur_syn].append(s[1:].strip().strip("_"))
            continue
        cur_syn = None
        if section:
            warn("verbs: <%s> section line dropped" % section)
            continue
        m = re.fullmatch(r"---\s+(.*?)\s*(\[[^\]]*\])\s*---", s)
        if m:                     # PETRARCH verb block header
            flush()
            verbs, block_code = [], event_code(m.group(2))
            continue
        if s.startswith("-"):
            pm = re.fullmatch(r"-\s*(.*?)\s*(\[[^\]]*\])\s*", s)
            if not pm:
                warn("verbs: pattern without [code] dropped")
                continue
            code = event_code(pm.group(2))
            if code is None:
                continue
            pending_patterns.append((code, pattern_tokens(pm.group(1))))
            continue
        if s.startswith("{") and dialect == "tabari":
            # TABARI irregular forms of the verb just above
            for f in re.findall(r"[^\s{}]+", s):
                ws = join_words(f, dialect)
                if ws:
                    verbs.append(ws)
                    write(block_code, ws, [])
            continue
        # a verb line
        cm = re.search(r"\[([^\]]*)\]", s)
        text = s[:cm.start()] if cm else s
        code = event_code(cm.group(0)) if cm else None
        if dialect == "tabari":
            flush()
            verbs, block_code = [], code
            forms = verb_forms(text)
            verbs = forms
            for f in forms:
                write(code, f, [])
        else:
            flush_needed = pending_patterns and verbs
            if flush_needed:
                flush()
            forms = verb_forms(text)
            own = code if cm else block_code
            for f in forms:
                verbs.append(f)
                write(own, f, [])
        stats["verbs: verbs read"] += 1
    flush()


# ------------------------------------------------------------------- main

def guess_dialect(path, lines):
    base = os.path.basename(path)
    if base.endswith(".txt") or any(re.match(r"---\s+\S", l) for l in lines[:3000]):
        return "petrarch"
    return "tabari"


def guess_kind(path, lines):
    base = os.path.basename(path).lower()
    if "agent" in base:
        return "agents"
    if "verb" in base or re.match(r"cameo", base):
        return "verbs"
    if "actor" in base:
        return "actors"
    if any(re.match(r"(---\s+\S|-\s.*\*)", l) for l in lines[:3000]):
        return "verbs"
    return "actors"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--dialect", default="auto", choices=["auto", "tabari", "petrarch"])
    ap.add_argument("--kind", default="auto", choices=["auto", "actors", "agents", "verbs"])
    ap.add_argument("--out", help="folder laid out like lexicons/ (writes en/*-SUFFIX.txt)")
    ap.add_argument("--name", default="imported")
    a = ap.parse_args()
    outs = {}

    def sink(kind):
        if not a.out:
            return lambda l: print(l)
        fname = "actors" if kind in ("actors", "agents") else "events"
        if fname not in outs:
            os.makedirs(os.path.join(a.out, "en"), exist_ok=True)
            p = os.path.join(a.out, "en", "%s-%s.txt" % (fname, a.name))
            outs[fname] = open(p, "w", encoding="utf-8")
            outs[fname].write("# imported by tools/import_dict.py: do not commit\n")
        f = outs[fname]
        return lambda l: f.write(l + "\n")

    for path in a.files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()
        dialect = a.dialect if a.dialect != "auto" else guess_dialect(path, lines)
        kind = a.kind if a.kind != "auto" else guess_kind(path, lines)
        print("%s: %s %s" % (path, dialect, kind), file=sys.stderr)
        emit = sink(kind)
        if kind == "verbs":
            import_verbs(lines, dialect, emit)
        else:
            import_actors(lines, dialect, kind == "agents", emit)
    for f in outs.values():
        f.close()
    for k, v in sorted(stats.items()):
        print("  %6d  %s" % (v, k), file=sys.stderr)


if __name__ == "__main__":
    main()
