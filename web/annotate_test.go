package web

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/index"
)

var tags = regexp.MustCompile(`<[^>]*>`)

// plain strips the tags of rendered HTML and unescapes it.
func plain(h string) string { return html.UnescapeString(tags.ReplaceAllString(h, "")) }

// TestAnnotateKeepsText: whatever the spans (nested, crossing, out of
// range, inside a rune), the rendered text is the text, escaped, with
// balanced tags.
func TestAnnotateKeepsText(t *testing.T) {
	text := "KẾ HOẠCH <b>x</b>\nI. MỤC ĐÍCH\nThực hiện Kết luận số 62-KL/TW trước ngày 20/10/2014 & sau đó.\n"
	at := func(s string) int { return strings.Index(text, s) }
	ref := at("Kết luận")
	dl := at("trước ngày")
	doc := &extract.Document{
		Sections: []*extract.Section{{Number: "I", Heading: "I. MỤC ĐÍCH", Span: extract.Span{at("I. MỤC"), len(text)}}},
		References: []*extract.Reference{{ID: "62-KL/TW", Mentions: []extract.Mention{
			{Span: extract.Span{ref, ref + len("Kết luận số 62-KL/TW")}},
			{Span: extract.Span{ref + 5, dl + 4}},      // crosses the first mention
			{Span: extract.Span{len(text) - 2, 10000}}, // out of range
			{Span: extract.Span{1, 3}},                 // inside "Ế"
			{Span: extract.Span{9, 3}},                 // reversed
		}}},
		Deadlines: []*extract.Deadline{
			{Start: "2014-10-20", Span: extract.Span{dl, dl + len("trước ngày 20/10/2014")}},
			{Start: "2014-10-20", Span: extract.Span{dl, dl + 3}}, // same start: one anchor
		},
		Attachments: []*extract.Attachment{{Heading: "PHỤ LỤC", Span: extract.Span{-5, 2}}},
	}
	out := string(annotate(doc, text))
	if got := plain(out); got != text {
		t.Errorf("text changed:\n got %q\nwant %q", got, text)
	}
	if strings.Count(out, "<a ") != strings.Count(out, "</a>") || strings.Count(out, "<mark") != strings.Count(out, "</mark>") ||
		strings.Count(out, "<span") != strings.Count(out, "</span>") {
		t.Errorf("unbalanced tags: %s", out)
	}
	for _, want := range []string{`&lt;b&gt;x&lt;/b&gt;`, `<span class="h" id="sec-`, `<a class="ref" id="m-`,
		`<mark class="dl" id="dl-`, `&amp; sau`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in %s", want, out)
		}
	}
	if n := strings.Count(out, `class="ref"`); n != 1 {
		t.Errorf("%d reference links, want 1 (the others cross, are out of range or split a rune)", n)
	}
	if n := strings.Count(out, `id="dl-`); n != 1 {
		t.Errorf("%d deadline anchors, want 1", n)
	}
}

func TestSnippetHTML(t *testing.T) {
	sn := index.Snippet{Start: 10, Text: "a <b> Kết luận & c", Marks: [][2]int{{6, 11}, {9, 12}, {3, 40}, {14, 16}}}
	got := string(snippetHTML(sn))
	want := "… a &lt;b&gt; <mark>Kết</mark> luận &amp; c …"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMentionContext(t *testing.T) {
	text := "Đầu.\n\nThực hiện   Kết luận 62 của Bộ Chính trị <x>."
	a := strings.Index(text, "Kết")
	m := extract.Mention{Text: "Kết luận 62", Span: extract.Span{a, a + len("Kết luận 62")}}
	got := string(mentionContext(text, m))
	want := "Đầu. Thực hiện <mark>Kết luận 62</mark> của Bộ Chính trị &lt;x&gt;."
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	m.Span = extract.Span{0, 999}
	if got := string(mentionContext(text, m)); got != "<mark>Kết luận 62</mark>" {
		t.Errorf("span out of range: %q", got)
	}
}

func TestRefLabel(t *testing.T) {
	for id, want := range map[string]string{
		"62-KL/TW@2009-12-08":    "Kết luận 62-KL/TW (08/12/2009)",
		"Kết luận 62":            "Kết luận 62",
		"15/2020/NĐ-CP":          "Nghị định 15/2020/NĐ-CP",
		"Luật: Tổ chức Quốc hội": "Luật: Tổ chức Quốc hội",
	} {
		if got := refLabel(id); got != want {
			t.Errorf("refLabel(%q) = %q, want %q", id, got, want)
		}
	}
}
