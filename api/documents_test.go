package api

import (
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"

	"vanban/extract"
)

// A posted document is extracted, stored, served back unchanged, then
// deleted; /extract stores nothing.
func TestDocumentLifecycle(t *testing.T) {
	f := newFixture(t, Config{})
	raw, err := os.ReadFile("../corpus/ke-hoach-256-KH-TU-hai-phong-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	wantDoc, wantText, err := extract.Extract(raw)
	if err != nil {
		t.Fatal(err)
	}
	wantDoc.Source = &extract.Source{Format: "txt", Encoding: "utf-8"}

	rec := f.postText(t, "/api/v1/extract", string(raw))
	if rec.Code != 200 || count(t, f) != 0 {
		t.Fatalf("extract: %d, %d documents stored", rec.Code, count(t, f))
	}
	sameDoc(t, decode[*extract.Document](t, rec), wantDoc)

	rec = f.postText(t, "/api/v1/documents", string(raw))
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST: %d %s", rec.Code, rec.Body.String())
	}
	created := decode[CreatedResponse](t, rec)
	if rec.Header().Get("Location") != "/api/v1/documents/"+created.ID || count(t, f) != 1 {
		t.Errorf("Location %q, %d documents", rec.Header().Get("Location"), count(t, f))
	}
	sameDoc(t, created.Extraction, wantDoc)

	// Acknowledged means durable: the document is in the index on disk.
	if _, text, err := f.idx.Get(created.ID); err != nil || text != wantText {
		t.Fatalf("stored text differs (%v)", err)
	}
	got := f.get(t, "/api/v1/documents/"+created.ID, 200)
	sameDoc(t, decode[*extract.Document](t, got), wantDoc)
	text := f.get(t, "/api/v1/documents/"+created.ID+"/text", 200)
	if text.Body.String() != wantText || !strings.HasPrefix(text.Header().Get("Content-Type"), "text/plain") {
		t.Errorf("text differs or wrong type %q", text.Header().Get("Content-Type"))
	}

	del := f.do(t, req{method: http.MethodDelete, target: "/api/v1/documents/" + created.ID})
	if del.Code != http.StatusNoContent || count(t, f) != 0 {
		t.Fatalf("DELETE: %d, %d documents", del.Code, count(t, f))
	}
	wantError(t, f.do(t, req{target: "/api/v1/documents/" + created.ID}), 404, "not_found")
}

func sameDoc(t *testing.T, got, want *extract.Document) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("extraction differs from extract.Extract:\n got %.300s\nwant %.300s", g, w)
	}
}

// A multipart upload is read from its "file" part.
func TestMultipartUpload(t *testing.T) {
	f := newFixture(t, Config{})
	raw, _ := os.ReadFile("../corpus/ke-hoach-123-KH-TU-tinh-uy-2014.txt")
	r := multipartReq(t, "file", "text/plain; charset=utf-8", string(raw))
	r.target = "/api/v1/documents"
	rec := f.do(t, r)
	if rec.Code != http.StatusCreated {
		t.Fatalf("multipart POST: %d %s", rec.Code, rec.Body.String())
	}
	if c := decode[CreatedResponse](t, rec); c.Extraction.Symbol != "123-KH/TU" {
		t.Errorf("symbol %q", c.Extraction.Symbol)
	}
}

// Invalid UTF-8 is repaired by extract and reported in the diagnostics.
func TestInvalidUTF8IsRepaired(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.postText(t, "/api/v1/documents", "KẾ HOẠCH\nsơ kết Kết luận số 62-KL/TW \xff\xfe của Bộ Chính trị\n")
	if rec.Code != http.StatusCreated {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	c := decode[CreatedResponse](t, rec)
	found := false
	for _, d := range c.Extraction.Diagnostics {
		found = found || d.Code == "invalid_utf8"
	}
	if !found {
		t.Errorf("no invalid_utf8 diagnostic: %+v", c.Extraction.Diagnostics)
	}
}

// Search filters and the section restriction reach the index.
func TestSearchFiltersAndSection(t *testing.T) {
	f := corpusFixture(t)
	all := decode[SearchResponse](t, f.get(t, "/api/v1/search?q=dan+van", 200))
	org := decode[SearchResponse](t, f.get(t, "/api/v1/search?q=dan+van&section=organization", 200))
	if all.Total == 0 || org.Total > all.Total {
		t.Errorf("dân vận: %d hits, %d in organization sections", all.Total, org.Total)
	}
	cites := decode[SearchResponse](t, f.get(t, "/api/v1/search?cites=43-KL%2FTW&sort=date&size=2&page=1", 200))
	if cites.Total == 0 || len(cites.Hits) > 2 || cites.Size != 2 {
		t.Errorf("cites 43-KL/TW: %+v", cites)
	}
	for i := 1; i < len(cites.Hits); i++ {
		if cites.Hits[i].Date < cites.Hits[i-1].Date {
			t.Errorf("sort=date not ascending")
		}
	}
	page2 := decode[SearchResponse](t, f.get(t, "/api/v1/search?cites=43-KL%2FTW&sort=date&size=2&page=2", 200))
	if cites.Total > 2 && (len(page2.Hits) == 0 || page2.Hits[0].ID == cites.Hits[0].ID) {
		t.Errorf("page 2 does not follow page 1")
	}
	kind := decode[SearchResponse](t, f.get(t, "/api/v1/search?kind=ch%C6%B0%C6%A1ng+tr%C3%ACnh+h%C3%A0nh+%C4%91%E1%BB%99ng", 200))
	for _, h := range kind.Hits {
		if h.Kind != "Chương trình hành động" {
			t.Errorf("kind filter let through %q", h.Kind)
		}
	}
	if kind.Total == 0 {
		t.Error("kind filter found nothing")
	}
	from := decode[SearchResponse](t, f.get(t, "/api/v1/search?from=2023&to=2023-12", 200))
	for _, h := range from.Hits {
		if !strings.HasPrefix(h.Date, "2023") {
			t.Errorf("date filter let through %s", h.Date)
		}
	}
	if !reflect.DeepEqual(len(from.Hits) > 0, true) {
		t.Error("no document of 2023")
	}
}

// References lists cited documents with citation counts.
func TestReferences(t *testing.T) {
	f := corpusFixture(t)
	res := decode[ReferencesResponse](t, f.get(t, "/api/v1/references", 200))
	counts := map[string]int{}
	for i, r := range res.References {
		counts[r.ID] = r.Count
		if i > 0 && r.Count > res.References[i-1].Count {
			t.Errorf("not most cited first at %d", i)
		}
	}
	if counts["43-KL/TW@2019-01-07"] < 2 || counts["25-NQ/TW@2013-06-03"] < 3 {
		t.Errorf("counts: 43-KL/TW %d, 25-NQ/TW %d", counts["43-KL/TW@2019-01-07"], counts["25-NQ/TW@2013-06-03"])
	}
	if res.Total != len(res.References) {
		t.Errorf("total %d, %d references", res.Total, len(res.References))
	}
	sub := decode[ReferencesResponse](t, f.get(t, "/api/v1/references?q=ket+luan+62&limit=3", 200))
	if len(sub.References) == 0 || len(sub.References) > 3 {
		t.Errorf("references of ket luan 62 (limit 3): %d", len(sub.References))
	}
}
