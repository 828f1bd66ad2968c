#!/usr/bin/env python3
"""places_gen.py — drafts the generated sections of lexicons/places.txt from
Debian data (run by hand, output reviewed and merged by hand):
  countries  iso-codes (alpha-3/alpha-2, English and German names) with the
             population-weighted centroid of the country's libgeonames cities
  ambig      libgeonames city names that are also dictionary words
             (wamerican / wngerman), so they need a preposition to count.
Needs: iso-codes, libgeonames0, wamerican, wngerman (dev-time only).
Usage: python3 tools/places_gen.py countries|ambig > draft.txt"""
import ctypes, gettext, json, sys

def cities():
    lib = ctypes.CDLL("libgeonames.so.0")
    lib.geonames_get_city.restype = ctypes.c_void_p
    for f in ("name", "country_code"):
        fn = getattr(lib, "geonames_city_get_" + f)
        fn.restype, fn.argtypes = ctypes.c_char_p, [ctypes.c_void_p]
    for f in ("latitude", "longitude"):
        fn = getattr(lib, "geonames_city_get_" + f)
        fn.restype, fn.argtypes = ctypes.c_double, [ctypes.c_void_p]
    lib.geonames_city_get_population.restype = ctypes.c_uint
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        yield (lib.geonames_city_get_name(c).decode(),
               lib.geonames_city_get_country_code(c).decode(),
               lib.geonames_city_get_latitude(c),
               lib.geonames_city_get_longitude(c),
               lib.geonames_city_get_population(c))
        lib.geonames_city_free(c)

def countries():
    acc = {}
    for _, cc, la, lo, pop in cities():
        a = acc.setdefault(cc, [0.0, 0.0, 0])
        a[0] += la * pop; a[1] += lo * pop; a[2] += pop
    de = gettext.GNUTranslations(open(
        "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo", "rb"))
    data = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))
    for c in data["3166-1"]:
        names = []
        for k in ("common_name", "name"):
            if k in c:
                for n in (c[k], de.gettext(c[k])):
                    if n not in names and "," not in n and "(" not in n:
                        names.append(n)
        a = acc.get(c["alpha_2"])
        ll = ("%.2f %.2f" % (a[0] / a[2], a[1] / a[2])) if a and a[2] else "- -"
        print("country  %s %s  %s  %s" % (c["alpha_3"], c["alpha_2"], ll,
                                          " | ".join(names)))

def ambig():
    words = set()
    for f in ("/usr/share/dict/american-english", "/usr/share/dict/ngerman"):
        for w in open(f, encoding="utf-8", errors="replace"):
            w = w.strip()
            if w and not w.endswith("'s"):
                words.add(w)
    seen = set()
    for name, cc, _, _, pop in cities():
        low = name.lower()
        # a common word: in a dictionary lowercased (English, German
        # non-noun), or a German noun (it has a plural or dative form)
        if name in seen:
            continue
        noun = name in words and any(name + e in words
                                     for e in ("n", "en", "e", "s"))
        if pop < 1000000 and (low in words or (noun and (
                name + "n" in words or name + "en" in words
                or name + "e" in words))):
            seen.add(name)
            print("%s\t%s\t%d" % (name, cc, pop))

if __name__ == "__main__":
    {"countries": countries, "ambig": ambig}[sys.argv[1]]()
