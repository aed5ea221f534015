package extract

import (
	"testing"
	"unicode/utf8"
)

// BenchmarkStages times each pass of Parse over the corpus, to show where
// extraction time goes.
func BenchmarkStages(b *testing.B) {
	docs, total := corpusBytes(b)
	var texts []string
	for _, raw := range docs {
		t, _ := Normalize(raw)
		texts = append(texts, t)
	}
	run := func(name string, f func(p *parser)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				for _, t := range texts {
					p := &parser{text: t, ls: splitLines(t)}
					p.doc = &Document{}
					f(p)
				}
			}
		})
	}
	run("lines", func(p *parser) {})
	run("tokenize", func(p *parser) { tokenize(p.text) })
	run("header", func(p *parser) { parseHeader(p.text, p.ls) })
	run("sections", func(p *parser) {
		h := parseHeader(p.text, p.ls)
		lay := findLayout(p.ls, h.body)
		parseSections(p.text, p.ls, lay.body, lay.bodyEnd)
	})
	run("mentions", func(p *parser) { findMentionsT(p.text, tokenize(p.text)) })
	run("relations", func(p *parser) {
		ts := tokenize(p.text)
		computeRelations(p.text, ts, findMentionsT(p.text, ts))
	})
	run("parse", func(p *parser) { p.parse() })
}

func BenchmarkDeadlineStages(b *testing.B) {
	docs, total := corpusBytes(b)
	var ps []*parser
	for _, raw := range docs {
		t, _ := Normalize(raw)
		p := &parser{text: t, ls: splitLines(t)}
		p.parse()
		ps = append(ps, p)
	}
	b.Run("dates", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, p := range ps {
				findDatesT(p.text, p.toks, 0, len(p.text))
			}
		}
	})
	b.Run("relative", func(b *testing.B) {
		b.SetBytes(int64(total))
		for b.Loop() {
			for _, p := range ps {
				findRelative(p.text, p.toks, 0, len(p.text))
			}
		}
	})
	b.Run("deadlines", func(b *testing.B) {
		b.SetBytes(int64(total))
		ms := make([][]*mention, len(ps))
		for i, p := range ps {
			ms[i] = findMentionsT(p.text, p.toks)
		}
		for b.Loop() {
			for i, p := range ps {
				p.doc.Deadlines = nil
				p.deadlines(ms[i])
			}
		}
	})
	b.Run("references", func(b *testing.B) {
		b.SetBytes(int64(total))
		ms := make([][]*mention, len(ps))
		for i, p := range ps {
			ms[i] = findMentionsT(p.text, p.toks)
			computeRelations(p.text, p.toks, ms[i])
		}
		for b.Loop() {
			for i, p := range ps {
				p.doc.References = nil
				p.references(ms[i])
			}
		}
	})
}

// BenchmarkNormalizeSteps times each step of Normalize.
var utf8Valid = func(s string) bool { return utf8.ValidString(s) }

func BenchmarkNormalizeSteps(b *testing.B) {
	docs, total := corpusBytes(b)
	var strs []string
	var lines [][]string
	for _, raw := range docs {
		strs = append(strs, string(raw))
		ls, _ := splitTrim(stripEmphasis(cleanChars(string(raw))))
		lines = append(lines, ls)
	}
	step := func(name string, f func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				for i := range strs {
					f(i)
				}
			}
		})
	}
	step("valid", func(i int) { utf8Valid(strs[i]) })
	step("clean", func(i int) { cleanChars(strs[i]) })
	step("emphasis", func(i int) { stripEmphasis(strs[i]) })
	step("nfcSafe", func(i int) { nfcSafe(strs[i]) })
	step("splitTrim", func(i int) { splitTrim(strs[i]) })
	step("chrome", func(i int) { dropChrome(lines[i]) })
	step("join", func(i int) { joinBrokenLines(append([]string(nil), lines[i]...)) })
}
