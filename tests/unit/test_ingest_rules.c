/* test_ingest_rules.c — the extraction rules one by one, on small pages
 * written here: class names matched by word and token, named article
 * bodies, a paragraph never being the article, teaser links, date lines,
 * follow/subscribe appeals, author boxes, tables of contents, "related"
 * headings that cut the rest. */
#include "dyad.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define P1 "<p>Die Regierung hat am Montag in der Hauptstadt ein neues Gesetz zur " \
    "Förderung erneuerbarer Energien vorgestellt, das im Sommer in Kraft treten soll.</p>"
#define P2 "<p>Nach Angaben des Ministeriums sollen damit bis zum Ende des Jahrzehnts " \
    "mehrere tausend neue Windräder und Solaranlagen entstehen können.</p>"
#define P3 "<p>Die Opposition kritisierte den Entwurf als zu zaghaft und kündigte an, " \
    "im Parlament eigene Änderungsanträge einzubringen.</p>"
#define NAV "<nav><ul><li><a href='/'>Startseite</a></li><li><a href='/p'>Politik</a>" \
    "</li><li><a href='/w'>Wirtschaft</a></li></ul></nav>"

static dyad_page page;

static const char *extract(const char *body)
{
    static char html[16384];
    snprintf(html, sizeof html, "<!doctype html><html lang='de'><head><meta charset='utf-8'>"
             "<title>T</title></head><body>" NAV "%s<footer><p>Impressum</p></footer>"
             "</body></html>", body);
    dyad_page_free(&page);
    if (dyad_html_extract(html, strlen(html), NULL, &page) != DYAD_OK) return "";
    return page.text ? page.text : "";
}

static int has(const char *text, const char *s) { return strstr(text, s) != NULL; }

/* "hidden" hides only as a whole token; modifiers, grid states and
 * WordPress taxonomy classes say nothing about the element. */
static void test_class_tokens(void)
{
    const char *t = extract("<article class='post author-maria category-newsletter tag-social "
                            "has-sharing'><div class='post-author'>Maria Beispiel</div>"
                            "<div class='field field--label-hidden'>" P1 "</div>"
                            "<div class='col hidden-xs'>" P2 "</div>"
                            "<div class='node node--promoted'>" P3 "</div>"
                            "<span class='sr-only'>Nur für Vorleser</span>"
                            "<div class='hidden'>Versteckter Hinweis</div></article>");
    CHECK(has(t, "neues Gesetz"));
    CHECK(has(t, "Windräder"));
    CHECK(has(t, "Änderungsanträge"));
    CHECK(!has(t, "Vorleser"));
    CHECK(!has(t, "Versteckter"));
    CHECK(!has(t, "Maria Beispiel"));
    /* a word inside another word is no match: "apageroot" is no pager,
     * "commenttext" is no comment section */
    t = extract("<div class='apageroot'>" P1 P2 "</div>");
    CHECK(has(t, "neues Gesetz") && has(t, "Windräder"));
}

/* A short post under a named body wins over a sidebar of long items. */
static void test_named_body(void)
{
    const char *t = extract(
        "<div class='wrap'><div class='entry-content'><p>Kurz notiert: Heute war der Markt "
        "voll.</p><p>Morgen wieder.</p></div>"
        "<ul class='list'><li>Ein sehr langer Eintrag in einer Liste am Rand der Seite, der "
        "mehr als achtzig Zeichen hat und trotzdem kein Artikel ist.</li>"
        "<li>Noch ein sehr langer Eintrag in derselben Liste am Rand der Seite, ebenfalls "
        "weit über achtzig Zeichen lang.</li></ul></div>");
    CHECK(has(t, "Kurz notiert"));
    CHECK(has(t, "Morgen wieder"));
    CHECK(!has(t, "Eintrag in einer Liste"));
}

/* One paragraph never stands for the article: link lines between
 * paragraphs cost, but the paragraphs around them stay together. */
static void test_paragraph_is_not_the_article(void)
{
    const char *t = extract(
        "<div class='box'>" P1
        "<p><a href='/a'>Link eins</a> <a href='/b'>Link zwei</a> <a href='/c'>Link drei</a> "
        "<a href='/d'>Link vier</a> <a href='/e'>Link fünf</a></p>"
        "<p>Ein kurzer Satz danach.</p>"
        "<p><a href='/f'>Weiter eins</a> <a href='/g'>Weiter zwei</a> <a href='/h'>Weiter drei</a>"
        "</p></div>");
    CHECK(has(t, "neues Gesetz"));
    CHECK(has(t, "Ein kurzer Satz danach"));
    CHECK(!has(t, "Link eins"));
}

/* A teaser with a link points elsewhere; one without is the standfirst. */
static void test_teasers(void)
{
    const char *t = extract(
        "<article><p class='teaser'>Berlin will den Ausbau beschleunigen.</p>" P1 P2
        "<div class='teaser'><a href='/x'>Streit um Stromtrassen</a> Was die Länder "
        "fordern.</div>" P3 "</article>");
    CHECK(has(t, "Berlin will den Ausbau"));
    CHECK(!has(t, "Stromtrassen"));
    CHECK(has(t, "Änderungsanträge"));
}

/* Lines that are only a date go; a heading or a labelled date stays. */
static void test_date_lines(void)
{
    const char *t = extract(
        "<article><div>23.10.2018</div><p>12. März 2021, 08:30 Uhr</p>"
        "<h2>Neue Kräne bis 2027</h2>" P1 "<p>Termin: 29.02.2020, 19 Uhr</p>" P2
        "<p>+49 30 2012</p></article>");
    CHECK(!has(t, "23.10.2018"));
    CHECK(!has(t, "08:30"));
    CHECK(has(t, "Neue Kräne bis 2027"));
    CHECK(has(t, "Termin: 29.02.2020"));
    CHECK(has(t, "+49 30 2012"));
}

/* Appeals to follow or subscribe go; text that names one network stays. */
static void test_calls_to_action(void)
{
    const char *t = extract(
        "<article>" P1 "<p>Der Minister kündigte den Schritt auf Twitter an.</p>" P2
        "<p>Folgen Sie uns auf Twitter, Facebook und Instagram!</p>"
        "<p>Abonnieren Sie unseren Newsletter.</p>" P3 "</article>");
    CHECK(has(t, "auf Twitter an"));
    CHECK(!has(t, "Folgen Sie uns"));
    CHECK(!has(t, "Newsletter"));
    CHECK(has(t, "Änderungsanträge"));
}

/* Author boxes, tables of contents, affiliate notes, donation boxes. */
static void test_boxes(void)
{
    const char *t = extract(
        "<article><div id='ez-toc-container'><p>Inhalt</p><ul><li><a href='#a'>Erstens "
        "und Zweitens</a></li></ul></div>" P1 P2
        "<div class='saboxplugin-wrap'><p>Max Muster schreibt seit zwanzig Jahren über "
        "Energiepolitik und lebt mit seiner Familie am Stadtrand.</p></div>"
        "<p class='affiliate-note'>Für Links auf dieser Seite erhalten wir eine Provision, "
        "am Preis ändert sich nichts.</p>"
        "<div class='spendenbox'><p>Jede kleine Spende hilft uns, unabhängig zu bleiben "
        "und weiter zu berichten.</p></div>" P3 "</article>");
    CHECK(has(t, "neues Gesetz") && has(t, "Änderungsanträge"));
    CHECK(!has(t, "Erstens"));
    CHECK(!has(t, "Max Muster"));
    CHECK(!has(t, "Provision"));
    CHECK(!has(t, "Spende"));
}

/* A "related" heading cuts the rest of its container. */
static void test_related_heading(void)
{
    const char *t = extract(
        "<article>" P1 P2 "<div>" P3 "<h3>Le puede interesar</h3><p>Otra noticia que no "
        "forma parte del artículo principal de esta página web.</p></div></article>");
    CHECK(has(t, "Änderungsanträge"));
    CHECK(!has(t, "Otra noticia"));
}

int main(void)
{
    test_class_tokens();
    test_named_body();
    test_paragraph_is_not_the_article();
    test_teasers();
    test_date_lines();
    test_calls_to_action();
    test_boxes();
    test_related_heading();
    dyad_page_free(&page);
    return check_done();
}
