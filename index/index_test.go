package index

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"

	"vanban/extract"
)

// docBuilder assembles a test document and its text, computing spans.
type docBuilder struct {
	doc  *extract.Document
	text strings.Builder
}

func newDoc(kind, symbol, issuer, date, title string) *docBuilder {
	b := &docBuilder{doc: &extract.Document{
		Kind: extract.Str(kind), Symbol: extract.Str(symbol), Issuer: extract.Str(issuer),
		Date: extract.Str(date), Title: extract.Str(title),
		Sections: []*extract.Section{}, References: []*extract.Reference{},
		Deadlines: []*extract.Deadline{}, Recipients: []string{},
	}}
	b.text.WriteString(strings.ToUpper(kind) + "\n" + title + "\n\n")
	return b
}

// para appends text outside sections.
func (b *docBuilder) para(s string) *docBuilder {
	b.text.WriteString(s + "\n\n")
	return b
}

// section appends a top-level section.
func (b *docBuilder) section(kind, number, title, body string) *docBuilder {
	start := b.text.Len()
	heading := number + ". " + title
	b.text.WriteString(heading + "\n" + body + "\n")
	b.doc.Sections = append(b.doc.Sections, &extract.Section{
		Number: number, Heading: heading, Title: title, Kind: kind,
		Span: extract.Span{start, b.text.Len()}, Children: []*extract.Section{},
	})
	b.text.WriteString("\n")
	return b
}

// cite adds a reference mentioned in a sentence appended to the text.
func (b *docBuilder) cite(kind, number, symbol, date, relation string) *docBuilder {
	mention := kind + " số " + symbol
	start := b.text.Len()
	b.text.WriteString("Thực hiện " + mention + ".\n\n")
	r := &extract.Reference{
		Kind: kind, Number: extract.Str(number), Symbol: extract.Str(symbol),
		Date: extract.Str(date), Relation: relation,
		Mentions: []extract.Mention{{Text: mention, Span: extract.Span{start + len("Thực hiện "), start + len("Thực hiện ") + len(mention)}, Relation: relation}},
	}
	r.ID = symbol
	if date != "" {
		r.ID += "@" + date
	}
	b.doc.References = append(b.doc.References, r)
	return b
}

func (b *docBuilder) deadline(start, end, responsible, task string) *docBuilder {
	text := "chậm nhất " + start
	at := b.text.Len()
	b.text.WriteString(responsible + " " + task + " " + text + ".\n\n")
	b.doc.Deadlines = append(b.doc.Deadlines, &extract.Deadline{
		Text: text, Start: start, End: end, Precision: extract.PrecDay,
		Responsible: extract.Str(responsible), Task: extract.Str(task), Span: extract.Span{at, b.text.Len()},
	})
	return b
}

func (b *docBuilder) item() Item { return Item{b.doc, b.text.String()} }

func openTest(t testing.TB) *Index {
	t.Helper()
	x, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// put indexes items and returns their ids.
func put(t testing.TB, x *Index, items ...Item) []string {
	t.Helper()
	ids, err := x.PutBatch(items)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func search(t *testing.T, x *Index, r SearchRequest) *SearchResult {
	t.Helper()
	res, err := x.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("Search(%+v): %v", r, err)
	}
	return res
}

func hitIDs(res *SearchResult) []string {
	ids := []string{}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestPutGetDelete(t *testing.T) {
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	it := newDoc("Kế hoạch", "58-KH/TU", "Tỉnh ủy Đắk Lắk", "2018-04-17", "sơ kết Nghị quyết 25").
		section(extract.SectionPurpose, "I", "MỤC ĐÍCH", "Đánh giá kết quả.").
		cite("Nghị quyết", "25", "25-NQ/TW", "2013-06-03", extract.RelImplements).
		deadline("2018-06-30", "2018-06-30", "Ban Dân vận", "báo cáo").item()
	id, err := x.Put(it.Doc, it.Text)
	if err != nil {
		t.Fatal(err)
	}
	if id != DocID(it.Text) || len(id) != 16 {
		t.Fatalf("id %q, want DocID %q", id, DocID(it.Text))
	}
	doc, text, err := x.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if text != it.Text || !reflect.DeepEqual(doc, it.Doc) {
		t.Errorf("Get returned a different document:\n%+v\n%+v", doc, it.Doc)
	}
	// Re-put replaces: same id, one document.
	it.Doc.Title = "tiêu đề mới"
	if id2, _ := x.Put(it.Doc, it.Text); id2 != id {
		t.Errorf("re-put id %q != %q", id2, id)
	}
	if n, _ := x.Count(); n != 1 {
		t.Errorf("Count = %d after re-put, want 1", n)
	}
	// Persisted across reopen.
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if x, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if doc, _, err := x.Get(id); err != nil || doc.Title != "tiêu đề mới" {
		t.Errorf("after reopen: %v, %v", doc, err)
	}
	if res := search(t, x, SearchRequest{Query: "mới"}); res.Total != 1 {
		t.Errorf("search after reopen: %d hits", res.Total)
	}
	if err := x.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := x.Get(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if n, _ := x.Count(); n != 0 {
		t.Errorf("Count = %d after Delete", n)
	}
	if _, err := x.Put(nil, "x"); !errors.Is(err, ErrNilDoc) {
		t.Errorf("Put(nil): %v", err)
	}
	// A failing batch indexes nothing of its chunk and says so.
	ids, err := x.PutBatch([]Item{it, {nil, "y"}})
	if !errors.Is(err, ErrNilDoc) || len(ids) != 0 {
		t.Errorf("PutBatch with nil: %v %v", ids, err)
	}
	// An index of another schema version is refused.
	x.bi.SetInternal(schemaKey, []byte("old"))
	x.Close()
	if _, err := Open(dir); !errors.Is(err, ErrSchema) {
		t.Errorf("Open old schema: %v", err)
	}
}

func TestDocID(t *testing.T) {
	if DocID("a") != DocID("a") || DocID("a") == DocID("b") {
		t.Error("DocID not a stable hash")
	}
}

// corpusSmall is a handful of documents exercising search features.
func corpusSmall() []Item {
	return []Item{
		newDoc("Kế hoạch", "123-KH/TU", "Tỉnh ủy", "2014-03-10", "sơ kết 05 năm thực hiện Kết luận 62").
			para("Kết luận 62 của Bộ Chính trị về Mặt trận Tổ quốc.").
			section(extract.SectionOrganization, "III", "TỔ CHỨC THỰC HIỆN", "Ban Dân vận Tỉnh ủy chủ trì, phối hợp Ban Tuyên giáo.").
			cite("Kết luận", "62", "62-KL/TW", "2009-12-08", extract.RelReviews).item(),
		newDoc("Kế hoạch", "10-KH/HU", "Huyện ủy Tiên Du", "2019-05-02", "tong ket ket luan 62").
			para("Ket luan 62 ve cong tac dan van (van ban khong dau), co 25 dai bieu.").
			section(extract.SectionContent, "II", "NỘI DUNG", "Ban Tuyên giáo tổng hợp.").item(),
		newDoc("Kế hoạch", "256-KH/TU", "Thành ủy Hải Phòng", "2023-06-02", "tổng kết 10 năm Nghị quyết 25").
			para("Nghị quyết số 25-NQ/TW về công tác dân vận trong tình hình mới.").
			section(extract.SectionOrganization, "III", "TỔ CHỨC THỰC HIỆN", "Giao Ban Dân vận Thành ủy hướng dẫn & đôn đốc <các> cơ quan.").
			cite("Nghị quyết", "25", "25-NQ/TW", "2013-06-03", extract.RelReviews).
			cite("Kết luận", "43", "43-KL/TW", "2019-01-07", extract.RelReviews).item(),
		newDoc("Chỉ thị", "05-CT/TU", "Tỉnh ủy Quảng Trị", "2008-02-01", "thực hiện Nghị quyết 25 năm 2008").
			para("Có 25 đồng chí tham dự; dân vận khéo.").
			cite("Nghị quyết", "25", "25-NQ/TW", "2008-01-05", extract.RelImplements).
			cite("Chỉ thị", "43", "43-CT/TW", "2010-05-28", extract.RelCites).item(),
	}
}

func TestSearchFoldedAndExact(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	res := search(t, x, SearchRequest{Query: "ket luan 62"})
	if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, sorted(ids[:2])) {
		t.Errorf("folded query hits %v, want %v", got, ids[:2])
	}
	res = search(t, x, SearchRequest{Query: "Kết luận 62"})
	if got := hitIDs(res); !reflect.DeepEqual(got, ids[:2]) {
		t.Errorf("exact query hits %v, want the exact document first %v", got, ids[:2])
	}
	// Old tone placement in the query finds new placement in the text.
	if res := search(t, x, SearchRequest{Query: "Tỉnh uỷ"}); res.Total == 0 {
		t.Error("old tone placement does not match")
	}
}

func TestSearchSymbolIsNotNumber(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	res := search(t, x, SearchRequest{Query: "25-NQ/TW"})
	if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, sorted(ids[2:4])) {
		t.Errorf("25-NQ/TW hits %v, want %v", got, sorted(ids[2:4]))
	}
	res = search(t, x, SearchRequest{Query: "25"})
	if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, sorted(ids[1:4])) {
		t.Errorf("25 hits %v, want %v", got, sorted(ids[1:4]))
	}
	// The document's own symbol, typed in lower case without diacritics.
	res = search(t, x, SearchRequest{Query: "256-kh/tu"})
	if got := hitIDs(res); len(got) == 0 || got[0] != ids[2] {
		t.Errorf("symbol query hits %v", got)
	}
}

func TestSearchPhraseAndExclusion(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	res := search(t, x, SearchRequest{Query: `"dân vận trong tình hình"`})
	if got := hitIDs(res); !reflect.DeepEqual(got, ids[2:3]) {
		t.Errorf("phrase hits %v, want %v", got, ids[2:3])
	}
	// Words present but not adjacent: no phrase match.
	res = search(t, x, SearchRequest{Query: `"tuyên giáo chủ trì"`})
	if res.Total != 0 {
		t.Errorf("non-adjacent phrase hits %v", hitIDs(res))
	}
	res = search(t, x, SearchRequest{Query: "ban dân vận -tuyên"})
	if got := hitIDs(res); !reflect.DeepEqual(got, ids[2:3]) {
		t.Errorf("exclusion hits %v, want %v", got, ids[2:3])
	}
}

func TestSearchFilters(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	tests := []struct {
		name string
		req  SearchRequest
		want []string
	}{
		{"kind", SearchRequest{Kind: "chi thi"}, ids[3:4]},
		{"issuer words", SearchRequest{Issuer: "tinh uy"}, []string{ids[0], ids[3]}},
		{"from", SearchRequest{From: "2019"}, []string{ids[1], ids[2]}},
		{"to", SearchRequest{To: "2014-03"}, []string{ids[0], ids[3]}},
		{"range", SearchRequest{From: "2014-03-10", To: "2019-05-02"}, []string{ids[0], ids[1]}},
		{"cites symbol", SearchRequest{Cites: "25-NQ/TW"}, []string{ids[2], ids[3]}},
		{"cites dated", SearchRequest{Cites: "25-NQ/TW@2013-06-03"}, ids[2:3]},
		{"cites year", SearchRequest{Cites: "25-NQ/TW@2008"}, ids[3:4]},
		{"cites KL 43", SearchRequest{Cites: "43-KL/TW"}, ids[2:3]},
		{"cites CT 43", SearchRequest{Cites: "Chỉ thị 43"}, ids[3:4]},
		{"cites by name", SearchRequest{Cites: "kl 62"}, ids[0:1]},
		{"section", SearchRequest{Query: "tuyên giáo", Section: extract.SectionOrganization}, ids[0:1]},
		{"section only", SearchRequest{Section: extract.SectionContent}, ids[1:2]},
		{"query and kind", SearchRequest{Query: "dân vận", Kind: "Kế hoạch"}, ids[0:3]},
	}
	for _, tt := range tests {
		res := search(t, x, tt.req)
		if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, sorted(tt.want)) {
			t.Errorf("%s: hits %v, want %v", tt.name, got, sorted(tt.want))
		}
		if res.Total != uint64(len(tt.want)) {
			t.Errorf("%s: total %d", tt.name, res.Total)
		}
	}
	for _, bad := range []SearchRequest{{From: "2019-1"}, {Cites: "???"}, {Section: "nope"}} {
		if _, err := x.Search(context.Background(), bad); err == nil {
			t.Errorf("Search(%+v): no error", bad)
		}
	}
}

func TestSearchFacetsPagingSort(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	res := search(t, x, SearchRequest{Sort: "date", Limit: 2})
	if res.Total != 4 || !reflect.DeepEqual(hitIDs(res), []string{ids[3], ids[0]}) {
		t.Errorf("page 1 by date: %d %v", res.Total, hitIDs(res))
	}
	res = search(t, x, SearchRequest{Sort: "date", Limit: 2, Offset: 2})
	if !reflect.DeepEqual(hitIDs(res), []string{ids[1], ids[2]}) {
		t.Errorf("page 2 by date: %v", hitIDs(res))
	}
	res = search(t, x, SearchRequest{Sort: "-date", Limit: 1})
	if !reflect.DeepEqual(hitIDs(res), ids[2:3]) {
		t.Errorf("newest: %v", hitIDs(res))
	}
	want := map[string][]FacetCount{
		"kind":   {{"Kế hoạch", 3}, {"Chỉ thị", 1}},
		"year":   {{"2008", 1}, {"2014", 1}, {"2019", 1}, {"2023", 1}},
		"issuer": {{"Huyện ủy Tiên Du", 1}, {"Thành ủy Hải Phòng", 1}, {"Tỉnh ủy", 1}, {"Tỉnh ủy Quảng Trị", 1}},
		"cited": {
			{"25-NQ/TW@2008-01-05", 1}, {"25-NQ/TW@2013-06-03", 1}, {"43-CT/TW@2010-05-28", 1},
			{"43-KL/TW@2019-01-07", 1}, {"62-KL/TW@2009-12-08", 1},
		},
	}
	for name, w := range want {
		got := res.Facets[name]
		slices.SortStableFunc(got, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Term, b.Term)
		})
		if !reflect.DeepEqual(got, w) {
			t.Errorf("facet %s = %v, want %v", name, got, w)
		}
	}
	h := res.Hits[0]
	if h.Symbol != "256-KH/TU" || h.Kind != "Kế hoạch" || h.Issuer != "Thành ủy Hải Phòng" || h.Date != "2023-06-02" || h.Title == "" {
		t.Errorf("hit fields %+v", h)
	}
}

func TestSearchMalformedQueries(t *testing.T) {
	x := openTest(t)
	put(t, x, corpusSmall()...)
	for _, q := range []string{
		`"unclosed phrase`, `"""`, `-`, `--`, `((`, `*?~^`, `AND OR NOT`, "\xff\xfe",
		`field:value`, `+`, `“ngoặc kép”`, `"`, strings.Repeat("dân vận ", 200), `25-NQ/TW@`, `\`,
	} {
		if _, err := x.Search(context.Background(), SearchRequest{Query: q}); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}

func TestSnippets(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	res := search(t, x, SearchRequest{Query: "ban dan van"})
	if res.Total == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		_, text, _ := x.Get(h.ID)
		if len(h.Snippets) == 0 {
			t.Errorf("%s: no snippets", h.ID)
		}
		for _, s := range h.Snippets {
			if text[s.Start:s.End] != s.Text {
				t.Errorf("snippet span does not match text")
			}
			for _, m := range s.Marks {
				w := extract.Fold(s.Text[m[0]:m[1]])
				if w != "ban" && w != "dan" && w != "van" {
					t.Errorf("mark %q is not a query word", s.Text[m[0]:m[1]])
				}
			}
		}
	}
	res = search(t, x, SearchRequest{Query: "đôn đốc"})
	if len(res.Hits) != 1 || res.Hits[0].ID != ids[2] {
		t.Fatalf("hits %v", hitIDs(res))
	}
	html := res.Hits[0].Snippets[0].HTML
	if !strings.Contains(html, "<mark>đôn</mark> <mark>đốc</mark> &lt;các&gt;") || !strings.Contains(html, "&amp;") {
		t.Errorf("HTML snippet %q", html)
	}
	// Phrase marks span the phrase; section-limited marks stay in the section.
	res = search(t, x, SearchRequest{Query: `"ban tuyên giáo"`, Section: extract.SectionOrganization})
	if len(res.Hits) != 1 || len(res.Hits[0].Snippets) != 1 {
		t.Fatalf("section phrase: %+v", res.Hits)
	}
	s := res.Hits[0].Snippets[0]
	if len(s.Marks) != 1 || s.Text[s.Marks[0][0]:s.Marks[0][1]] != "Ban Tuyên giáo" {
		t.Errorf("phrase mark %v in %q", s.Marks, s.Text)
	}
}

func TestSegments(t *testing.T) {
	text := strings.Repeat("x", 100)
	doc := &extract.Document{
		Sections: []*extract.Section{
			{Kind: extract.SectionPurpose, Span: extract.Span{10, 30}, Children: []*extract.Section{
				{Kind: extract.SectionOther, Span: extract.Span{15, 20}},
			}},
			{Kind: extract.SectionOrganization, Span: extract.Span{30, 60}, Children: []*extract.Section{
				{Kind: extract.SectionTimeline, Span: extract.Span{40, 50}},
			}},
			{Kind: extract.SectionOther, Span: extract.Span{60, 70}},
			{Kind: "bogus", Span: extract.Span{200, -5}},
		},
		Attachments: []*extract.Attachment{{Span: extract.Span{80, 100}, Sections: []*extract.Section{
			{Kind: extract.SectionContent, Span: extract.Span{90, 95}},
		}}},
	}
	want := []segment{
		{kindHead, 0, 10}, {extract.SectionPurpose, 10, 30}, {extract.SectionOrganization, 30, 40},
		{extract.SectionTimeline, 40, 50}, {extract.SectionOrganization, 50, 60}, {extract.SectionOther, 60, 70},
		{kindHead, 70, 80}, {kindAttachment, 80, 90}, {extract.SectionContent, 90, 95}, {kindAttachment, 95, 100},
	}
	if got := segments(doc, text); !reflect.DeepEqual(got, want) {
		t.Errorf("segments:\n%v\nwant\n%v", got, want)
	}
	// Spans inside a multi-byte rune are moved to its start.
	text = "ạạạ"
	doc = &extract.Document{Sections: []*extract.Section{{Kind: extract.SectionPurpose, Span: extract.Span{4, 7}}}}
	want = []segment{{kindHead, 0, 3}, {extract.SectionPurpose, 3, 6}, {kindHead, 6, 9}}
	if got := segments(doc, text); !reflect.DeepEqual(got, want) {
		t.Errorf("segments in runes: %v", got)
	}
}

func TestCiting(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	ctx := context.Background()
	tests := []struct {
		ref, relation string
		want          []string
	}{
		{"43-KL/TW", "", ids[2:3]},
		{"43-CT/TW", "", ids[3:4]},
		{"25-NQ/TW", "", []string{ids[3], ids[2]}},
		{"25-NQ/TW@2013-06-03", "", ids[2:3]},
		{"25-NQ/TW@2013", "", ids[2:3]},
		{"25-NQ/TW@2008-01-05", "", ids[3:4]},
		{"25-NQ/TW", extract.RelImplements, ids[3:4]},
		{"25-NQ/TW", extract.RelReviews, ids[2:3]},
		{"Kết luận 62", "", ids[0:1]},
		{"62-KL/TU", "", nil},
	}
	for _, tt := range tests {
		page, err := x.Citing(ctx, tt.ref, tt.relation, "", 10)
		if err != nil {
			t.Fatalf("Citing(%q): %v", tt.ref, err)
		}
		var got []string
		for _, c := range page.Hits {
			got = append(got, c.ID)
			if len(c.References) == 0 {
				t.Errorf("Citing(%q): %s without matching reference", tt.ref, c.ID)
			}
			for _, r := range c.References {
				if !strings.HasPrefix(tt.ref, string(r.Symbol)[:2]) && !strings.Contains(tt.ref, string(r.Number)) {
					t.Errorf("Citing(%q): reference %s", tt.ref, r.ID)
				}
			}
		}
		if !reflect.DeepEqual(got, tt.want) || page.Total != uint64(len(tt.want)) || page.Next != "" {
			t.Errorf("Citing(%q, %q) = %v (total %d, next %q), want %v", tt.ref, tt.relation, got, page.Total, page.Next, tt.want)
		}
	}
	if _, err := x.Citing(ctx, "25-NQ/TW", "", "garbage!", 10); !errors.Is(err, ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}
	if _, err := x.Citing(ctx, "nothing", "", "", 10); !errors.Is(err, ErrBadRef) {
		t.Errorf("bad ref: %v", err)
	}
}

func TestCitingPagesAreExhaustive(t *testing.T) {
	x := openTest(t)
	var items []Item
	for i := range 23 {
		b := newDoc("Kế hoạch", fmt.Sprintf("%d-KH/TU", i), "Tỉnh ủy", fmt.Sprintf("20%02d-01-01", i%5+10), "kế hoạch").
			para(fmt.Sprintf("Số %d-KH/TU", i)).
			cite("Kết luận", "43", "43-KL/TW", "2019-01-07", extract.RelImplements)
		if i%4 == 0 {
			b.doc.Date = "" // documents without a date are listed too
		}
		items = append(items, b.item())
	}
	items = append(items, newDoc("Kế hoạch", "99-KH/TU", "Tỉnh ủy", "2020-01-01", "khác").
		cite("Chỉ thị", "43", "43-CT/TW", "", extract.RelCites).item())
	ids := put(t, x, items...)
	seen := map[string]bool{}
	cursor, pages := "", 0
	for {
		page, err := x.Citing(context.Background(), "43-KL/TW", "", cursor, 5)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if page.Total != 23 {
			t.Fatalf("total %d", page.Total)
		}
		for _, c := range page.Hits {
			if seen[c.ID] {
				t.Errorf("%s listed twice", c.ID)
			}
			seen[c.ID] = true
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if len(seen) != 23 || seen[ids[23]] || pages != 5 {
		t.Errorf("saw %d documents in %d pages", len(seen), pages)
	}
}

func TestReferences(t *testing.T) {
	x := openTest(t)
	put(t, x, corpusSmall()...)
	refs, err := x.References(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 5 || refs[0].Count != 1 {
		t.Fatalf("refs %+v", refs)
	}
	r := refs[slices.IndexFunc(refs, func(r RefCount) bool { return r.ID == "25-NQ/TW@2013-06-03" })]
	if r.Symbol != "25-NQ/TW" || r.Date != "2013-06-03" || r.Kind != "Nghị quyết" {
		t.Errorf("ref %+v", r)
	}
	refs, _ = x.References(context.Background(), "đôn đốc", 0)
	var got []string
	for _, r := range refs {
		got = append(got, r.ID)
	}
	if want := []string{"25-NQ/TW@2013-06-03", "43-KL/TW@2019-01-07"}; !reflect.DeepEqual(got, want) {
		t.Errorf("refs of đôn đốc: %v", got)
	}
}

func TestDeadlines(t *testing.T) {
	x := openTest(t)
	ids := put(t, x,
		newDoc("Kế hoạch", "1-KH/TU", "Tỉnh ủy", "2018-01-01", "a").
			deadline("2018-06-30", "2018-06-30", "Ban Dân vận Tỉnh ủy", "báo cáo sơ kết").
			deadline("2018-03-01", "2018-03-31", "Ban Tuyên giáo", "tuyên truyền").item(),
		newDoc("Kế hoạch", "2-KH/TU", "Tỉnh ủy", "2018-01-01", "b").
			deadline("2018-01-01", "2018-12-31", "Văn phòng Tỉnh ủy", "tổng hợp").
			deadline("2019-05-15", "2019-05-15", "Ban Dân vận", "hội nghị").item(),
		newDoc("Kế hoạch", "3-KH/TU", "Tỉnh ủy", "2018-01-01", "c").
			deadline("2015-01-01", "2020-12-31", "Ủy ban nhân dân", "dài hạn").item(),
	)
	ctx := context.Background()
	tests := []struct {
		from, to, resp, q string
		want              []string // tasks
	}{
		{"", "", "", "", []string{"dài hạn", "tổng hợp", "tuyên truyền", "báo cáo sơ kết", "hội nghị"}},
		{"2018-06-01", "2018-06-30", "", "", []string{"dài hạn", "tổng hợp", "báo cáo sơ kết"}},
		{"2018-03", "2018-03", "", "", []string{"dài hạn", "tổng hợp", "tuyên truyền"}},
		{"2019", "", "", "", []string{"dài hạn", "hội nghị"}},
		{"", "", "ban dan van", "", []string{"báo cáo sơ kết", "hội nghị"}},
		{"", "2018", "dân vận", "", []string{"báo cáo sơ kết"}},
		{"", "", "", "hội nghị", []string{"tổng hợp", "hội nghị"}},
	}
	for _, tt := range tests {
		hits, err := x.Deadlines(ctx, tt.from, tt.to, tt.resp, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, string(h.Deadline.Task))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Deadlines(%q, %q, %q, %q) = %v, want %v", tt.from, tt.to, tt.resp, tt.q, got, tt.want)
		}
	}
	hits, _ := x.Deadlines(ctx, "2019-05-15", "2019-05-15", "", "")
	if len(hits) != 2 || hits[1].DocID != ids[1] || hits[1].Symbol != "2-KH/TU" {
		t.Errorf("hit %+v", hits)
	}
	if _, err := x.Deadlines(ctx, "05/2019", "", "", ""); !errors.Is(err, ErrBadDate) {
		t.Errorf("bad date: %v", err)
	}
}

func TestDeadlineMonths(t *testing.T) {
	tests := []struct {
		start, end string
		want       []string
	}{
		{"2018-06-30", "2018-06-30", []string{"2018-06"}},
		{"2018-11-01", "2019-02-28", []string{"2018-11", "2018-12", "2019-01", "2019-02"}},
		{"2018", "2018", []string{"2018-01", "2018-02", "2018-03", "2018-04", "2018-05", "2018-06", "2018-07", "2018-08", "2018-09", "2018-10", "2018-11", "2018-12"}},
		{"2015-01-01", "2020-12-31", []string{"long"}},
		{"bad", "", nil},
		{"2018-06-01", "", []string{"2018-06"}},
	}
	for _, tt := range tests {
		if got := deadlineMonths(tt.start, tt.end); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlineMonths(%q, %q) = %v, want %v", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []clause
	}{
		{`kết luận "công tác dân vận" -tuyên`, []clause{{"kết", false, false}, {"luận", false, false}, {"công tác dân vận", true, false}, {"tuyên", false, true}}},
		{`“dân vận” 25-NQ/TW`, []clause{{"dân vận", true, false}, {"25-NQ/TW", false, false}}},
		{`"open`, []clause{{"open", true, false}}},
		{`a"b`, []clause{{"a", false, false}, {"b", true, false}}},
		{`-`, []clause{{"-", false, false}}},
		{``, nil},
	}
	for _, tt := range tests {
		if got := parseQuery(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseQuery(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestCorpus indexes the seed corpus through the extractor.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("../corpus/*.txt")
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	x := openTest(t)
	var items []Item
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, text, err := extract.Extract(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		items = append(items, Item{doc, text})
	}
	put(t, x, items...)
	if n, _ := x.Count(); n != uint64(len(files)) {
		t.Fatalf("Count = %d, want %d", n, len(files))
	}
	if len(items[0].Doc.References) == 0 {
		t.Skip("extractor returns no references yet")
	}
	ctx := context.Background()
	if res := search(t, x, SearchRequest{Query: "ket luan 62"}); res.Total == 0 {
		t.Error("ket luan 62: no hits")
	}
	// Exactness: every document citing 43-KL/TW has it, none citing only
	// 43-CT/TW is listed.
	for _, ref := range []string{"43-KL/TW", "43-CT/TW", "25-NQ/TW@2013-06-03"} {
		r, _ := ParseRef(ref)
		page, err := x.Citing(ctx, ref, "", "", 100)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, it := range items {
			if slices.ContainsFunc(it.Doc.References, func(x *extract.Reference) bool { return slices.Contains(refKeys(x), r.key()) }) {
				want++
			}
		}
		if len(page.Hits) != want || want == 0 {
			t.Errorf("Citing(%s): %d documents, want %d", ref, len(page.Hits), want)
		}
		for _, c := range page.Hits {
			for _, cr := range c.References {
				if symbolKey(string(cr.Symbol)) != symbolKey(r.Symbol) {
					t.Errorf("Citing(%s) lists reference %s", ref, cr.ID)
				}
			}
		}
	}
	if refs, err := x.References(ctx, "", 0); err != nil || len(refs) == 0 {
		t.Errorf("References: %v %v", len(refs), err)
	}
	if _, err := x.Deadlines(ctx, "", "", "", ""); err != nil {
		t.Error(err)
	}
	res := search(t, x, SearchRequest{Query: "tổ chức thực hiện", Section: extract.SectionOrganization})
	t.Logf("organization hits: %d", res.Total)
}

func Example() {
	dir, _ := os.MkdirTemp("", "vanban-example")
	defer os.RemoveAll(dir)
	x, err := Open(dir)
	if err != nil {
		panic(err)
	}
	defer x.Close()

	doc, text, _ := extract.Extract([]byte("KẾ HOẠCH\nsơ kết Kết luận số 62-KL/TW của Bộ Chính trị\n"))
	doc.References = []*extract.Reference{{ID: "62-KL/TW@2009-12-08", Kind: "Kết luận", Number: "62", Symbol: "62-KL/TW", Date: "2009-12-08"}}
	id, _ := x.Put(doc, text)

	res, _ := x.Search(context.Background(), SearchRequest{Query: "ket luan"})
	hit := res.Hits[0]
	fmt.Println(res.Total, hit.ID == id)
	var marked []string
	for _, s := range hit.Snippets {
		for _, m := range s.Marks {
			marked = append(marked, s.Text[m[0]:m[1]])
		}
	}
	fmt.Println(strings.Join(marked, " "))

	page, _ := x.Citing(context.Background(), "kl 62", "", "", 10)
	fmt.Println(page.Total, page.Hits[0].References[0].ID)
	// Output:
	// 1 true
	// kết Kết luận
	// 1 62-KL/TW@2009-12-08
}

// benchItems returns n distinct documents made from the seed corpus and
// the test data (extracted once): each copy has one word in ten replaced
// by a random word of the same byte length, so spans stay valid and the
// vocabulary grows as in a real collection.
func benchItems(b testing.TB, n int) ([]Item, int64) {
	files, _ := filepath.Glob("../corpus/*.txt")
	more, _ := filepath.Glob("../testdata/*.txt")
	var base []Item
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if doc, text, err := extract.Extract(raw); err == nil {
			base = append(base, Item{doc, text})
		}
	}
	if len(base) == 0 {
		b.Skip("no corpus")
	}
	byLen := map[int][]string{}
	seen := map[string]bool{}
	for _, it := range base {
		for _, w := range strings.Fields(it.Text) {
			if !seen[w] {
				seen[w] = true
				byLen[len(w)] = append(byLen[len(w)], w)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	items := make([]Item, n)
	var size int64
	for i := range items {
		it := base[i%len(base)]
		words := strings.SplitAfter(it.Text, " ")
		for k, w := range words {
			if rng.IntN(10) == 0 {
				core := strings.TrimRight(w, " ")
				if c := byLen[len(core)]; len(c) > 0 {
					words[k] = c[rng.IntN(len(c))] + w[len(core):]
				}
			}
		}
		items[i] = Item{it.Doc, strings.Join(words, "")}
		size += int64(len(items[i].Text))
	}
	return items, size
}

// compact merges the index and waits for the merged-away files to go.
func compact(b *testing.B, x *Index, dir string) {
	if err := x.Compact(b.Context()); err != nil {
		b.Fatal(err)
	}
	for range 100 {
		if m, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap")); len(m) <= 1 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// BenchmarkIndex indexes 1000 documents (VANBAN_BENCH_DOCS to change)
// per iteration into a new index; it reports the size of the compacted
// index relative to the text.
func BenchmarkIndex(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("VANBAN_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	items, size := benchItems(b, n)
	b.SetBytes(size)
	b.ReportAllocs()
	var ratio float64
	for b.Loop() {
		dir := b.TempDir()
		x, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := x.PutBatch(items); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		compact(b, x, dir)
		x.Close()
		b.StartTimer()
		ratio = float64(dirSize(dir)) / float64(size)
	}
	b.ReportMetric(ratio, "index/text")
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIndexPlainBleve is the reference: the same documents indexed
// by bleve with its default mapping (text and extraction as one struct).
func BenchmarkIndexPlainBleve(b *testing.B) {
	items, size := benchItems(b, 1000)
	b.SetBytes(size)
	var ratio float64
	for b.Loop() {
		dir := b.TempDir()
		bi, err := bleve.New(dir, bleve.NewIndexMapping())
		if err != nil {
			b.Fatal(err)
		}
		batch := bi.NewBatch()
		for _, it := range items {
			if err := batch.Index(DocID(it.Text), struct {
				Doc  *extract.Document
				Text string
			}{it.Doc, it.Text}); err != nil {
				b.Fatal(err)
			}
			if batch.Size() == putBatchSize {
				if err := bi.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch = bi.NewBatch()
			}
		}
		if err := bi.Batch(batch); err != nil {
			b.Fatal(err)
		}
		bi.Close()
		ratio = float64(dirSize(dir)) / float64(size)
	}
	b.ReportMetric(ratio, "index/text")
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkExtractIndex is the whole pipeline: Extract then PutBatch.
func BenchmarkExtractIndex(b *testing.B) {
	items, size := benchItems(b, 500)
	raws := make([][]byte, len(items))
	for i, it := range items {
		raws[i] = []byte(it.Text)
	}
	b.SetBytes(size)
	for b.Loop() {
		x, err := Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]Item, 0, len(raws))
		for _, raw := range raws {
			doc, text, err := extract.Extract(raw)
			if err != nil {
				b.Fatal(err)
			}
			batch = append(batch, Item{doc, text})
		}
		if _, err := x.PutBatch(batch); err != nil {
			b.Fatal(err)
		}
		x.Close()
	}
	b.ReportMetric(float64(len(items))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func TestSearchPhraseApproximate(t *testing.T) {
	x := openTest(t)
	ids := put(t, x, corpusSmall()...)
	defer func(n int) { maxVerify = n }(maxVerify)
	maxVerify = 2
	res := search(t, x, SearchRequest{Query: `"dân vận"`, Sort: "date"})
	// All four documents have the phrase (ids[1] without diacritics);
	// only two are checked, the total is estimated.
	if !res.Approximate || res.Total == 0 {
		t.Errorf("total %d approximate %v", res.Total, res.Approximate)
	}
	maxVerify = 100
	res = search(t, x, SearchRequest{Query: `"dân vận"`, Sort: "date", Limit: 2, Offset: 1})
	if res.Approximate || res.Total != 4 || !reflect.DeepEqual(hitIDs(res), []string{ids[0], ids[1]}) {
		t.Errorf("total %d hits %v", res.Total, hitIDs(res))
	}
	if got := res.Facets["kind"]; !reflect.DeepEqual(got, []FacetCount{{"Kế hoạch", 3}, {"Chỉ thị", 1}}) {
		t.Errorf("verified facets %v", got)
	}
}

// TestTextFieldsMatchAnalyzers checks that the one-pass text analysis
// gives each field the terms its registered analyzer gives, on every
// corpus and testdata text and on a text of edge cases.
func TestTextFieldsMatchAnalyzers(t *testing.T) {
	x := openTest(t)
	it := corpusSmall()[2]
	it.Doc.Sections = append(it.Doc.Sections, &extract.Section{Kind: extract.SectionPurpose, Span: extract.Span{0, 4}})
	edge := "ÔNG ΣΟΦΟΣ ȺȾ ́̀ KELVIN K Đảng ỦY hoà Hòa É́ 25-NQ/TW 58KH/TU x̀y ß İstanbul"
	more, _ := benchItems(t, 51)
	items := append([]Item{it, {Doc: &extract.Document{Title: "Tiêu đề KHÁC"}, Text: edge}}, more...)
	for _, it := range items {
		checkTextFields(t, x, it)
	}
}

func checkTextFields(t *testing.T, x *Index, it Item) {
	d, err := x.document(it.Doc, it.Text)
	if err != nil {
		t.Fatal(err)
	}
	want := textFieldsWanted(t, it)
	seen := 0
	for _, f := range d.Fields {
		tf, ok := f.(*textField)
		if !ok {
			continue
		}
		seen++
		tf.Analyze()
		got := map[string]int{}
		for term, fr := range tf.AnalyzedTokenFrequencies() {
			got[term] = fr.Frequency()
		}
		if !reflect.DeepEqual(got, want[tf.name]) {
			t.Errorf("%.40q: field %s:\n got %v\nwant %v", it.Text, tf.name, got, want[tf.name])
		}
	}
	if seen != len(want) {
		t.Errorf("%.40q: %d text fields, want %d", it.Text, seen, len(want))
	}
}

// textFieldsWanted analyses a text with the registered analyzers.
func textFieldsWanted(t testing.TB, it Item) map[string]map[string]int {
	freqs := func(a string, text string, into map[string]int) map[string]int {
		for _, tk := range analyzer(t, a).Analyze([]byte(text)) {
			into[string(tk.Term)]++
		}
		return into
	}
	want := map[string]map[string]int{
		fieldExact:  freqs(AnalyzerMarked, it.Text, map[string]int{}),
		fieldFolded: freqs(AnalyzerFolded, it.Text, map[string]int{}),
	}
	if title := string(it.Doc.Title); !strings.Contains(it.Text, title) {
		freqs(AnalyzerFolded, title, want[fieldFolded])
	}
	segs := segments(it.Doc, it.Text) // a token is in the segment of its start
	for _, tk := range analyzer(t, AnalyzerFolded).Analyze([]byte(it.Text)) {
		for _, s := range segs {
			if f := sectionField(s.kind); s.start <= tk.Start && tk.Start < s.end && slices.Contains(searchableKinds, s.kind) {
				if want[f] == nil {
					want[f] = map[string]int{}
				}
				want[f][string(tk.Term)]++
			}
		}
	}
	for f, terms := range want {
		if len(terms) == 0 {
			delete(want, f)
		}
		if fieldSpecs[f].opt.SkipFreqNorm() { // frequencies are not kept
			for term := range terms {
				terms[term] = 0
			}
		}
	}
	return want
}

// BenchmarkDocument builds the bleve documents of the corpus and
// testdata texts and analyses their fields, as a batch does before bleve
// builds its segment.
func BenchmarkDocument(b *testing.B) {
	x := openTest(b)
	items, size := benchItems(b, 51)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			d, err := x.document(it.Doc, it.Text)
			if err != nil {
				b.Fatal(err)
			}
			d.VisitFields(func(f bindex.Field) { f.Analyze() })
		}
	}
}
