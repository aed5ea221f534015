// Package gen makes a deterministic corpus of realistic planning
// documents for benchmarks, by recombining the sections of real ones.
//
// Contracts:
//   - Doc(i) depends only on the seed, i and the source texts: the same
//     inputs give the same bytes, on any machine.
//   - Each document is raw text as received (header block, title, an
//     introduction citing documents, numbered sections, signature,
//     recipients, sometimes an attachment) with its own issuer, number,
//     date and cited documents, so that documents differ and extraction
//     has real work to do. Sections come from the sources, renumbered, with
//     their future years (deadlines) moved to the new document's time.
//   - Documents average about 13 KB (7–17 KB).
package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"

	"vanban/extract"
)

// part is a section (or attachment) of a source, with its source's year.
type part struct {
	text string
	year int
}

// Generator makes documents from the parts of source texts.
type Generator struct {
	seed  uint64
	parts map[string][]part // by section kind; "attachment" for attachments
}

// New extracts the sources and keeps their top-level sections.
func New(seed uint64, sources [][]byte) (*Generator, error) {
	g := &Generator{seed: seed, parts: map[string][]part{}}
	for _, raw := range sources {
		doc, text, err := extract.Extract(raw)
		if err != nil {
			continue
		}
		year := 2020
		if len(doc.Date) >= 4 {
			year, _ = strconv.Atoi(string(doc.Date[:4]))
		}
		for _, s := range doc.Sections {
			if t := cut(text, s.Span); strings.Count(t, "\n") >= 1 && len(t) < 20000 {
				g.parts[group(s.Kind)] = append(g.parts[group(s.Kind)], part{t, year})
			}
		}
		for _, a := range doc.Attachments {
			if t := cut(text, a.Span); len(t) > 200 && len(t) < 20000 {
				g.parts["attachment"] = append(g.parts["attachment"], part{t, year})
			}
		}
	}
	for _, k := range []string{"purpose", "content", "organization"} {
		if len(g.parts[k]) == 0 {
			return nil, errors.New("gen: the sources have no " + k + " section to recombine")
		}
	}
	return g, nil
}

func cut(text string, sp extract.Span) string {
	a, z := max(0, min(sp[0], len(text))), max(0, min(sp[1], len(text)))
	if a >= z {
		return ""
	}
	return strings.TrimSpace(text[a:z])
}

// group maps section kinds to the three slots of a generated plan.
func group(kind string) string {
	switch kind {
	case extract.SectionPurpose:
		return "purpose"
	case extract.SectionOrganization, extract.SectionTimeline, extract.SectionForm:
		return "organization"
	}
	return "content"
}

// Doc returns document i.
func (g *Generator) Doc(i int) []byte {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	d := newPlan(r, i)
	var b strings.Builder
	d.header(&b)
	n := 0
	section := func(kind string) {
		p := g.parts[kind][r.IntN(len(g.parts[kind]))]
		n++
		b.WriteString(renumber(shiftYears(p.text, p.year, d.year), roman[n]) + "\n\n")
	}
	section("purpose")
	target := minSize + r.IntN(maxSize-minSize)
	for b.Len() < target-orgSize && n < maxContent {
		section("content")
	}
	section("organization")
	d.closing(&b)
	if as := g.parts["attachment"]; len(as) > 0 && r.IntN(3) == 0 {
		b.WriteString("\n" + shiftYears(as[r.IntN(len(as))].text, d.year-1, d.year) + "\n")
	}
	return []byte(b.String())
}

// Documents are 13 KB on average, as the plans of the benchmark are
// meant to be: the content sections are drawn until the document is
// about its target size, between minSize and maxSize bytes (orgSize
// leaves room for the last section).
const (
	minSize, maxSize = 7 << 10, 16 << 10
	orgSize          = 1500
	maxContent       = 1 + 16
)

var roman = []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
	"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX"}

// heading matches the number of a top-level heading ("II.", "III-",
// "Phần thứ hai", "A.").
var heading = regexp.MustCompile(`^(?:[IVXLC]+|[A-Z]|\d+)\s*[.\-–:)]\s*`)

// renumber gives a section the heading number n.
func renumber(text, n string) string {
	if loc := heading.FindStringIndex(text); loc != nil {
		return n + ". " + text[loc[1]:]
	}
	return text
}

var yearRE = regexp.MustCompile(`\b(19|20)\d\d\b`)

// shiftYears moves the years from the source's own year on (its
// deadlines and periods) to the new document's; earlier years (dates of
// cited documents) stay.
func shiftYears(text string, from, to int) string {
	if from == to {
		return text
	}
	return yearRE.ReplaceAllStringFunc(text, func(y string) string {
		n, _ := strconv.Atoi(y)
		if n < from || n+to-from > 2045 {
			return y
		}
		return strconv.Itoa(n + to - from)
	})
}

// name makes a Vietnamese personal name.
func name(r *rand.Rand) string {
	return pick(r, families) + " " + pick(r, middles) + " " + pick(r, givens)
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// date writes a date as documents do: 05/3/2021.
func date(d, m, y int) string { return fmt.Sprintf("%02d/%d/%d", d, m, y) }
