package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"vanban/extract"
	"vanban/index"
	"vanban/web"
)

// corpus is the folder of the real documents shipped with the product.
const corpus = "../corpus"

// corpusIndex builds a temporary index of corpus/*.txt and returns it
// with the ids of the documents by symbol.
func corpusIndex(t *testing.T) (*index.Index, map[string]string) {
	t.Helper()
	idx, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus documents in %s: %v", corpus, err)
	}
	ids := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, text, err := extract.Extract(raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		id, err := idx.Put(doc, text)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		ids[string(doc.Symbol)] = id
	}
	return idx, ids
}

// today is the date the tests give the deadlines page.
var today = time.Date(2023, 7, 20, 12, 0, 0, 0, time.UTC)

// testOptions are the handler options of the tests.
func testOptions() web.Options {
	return web.Options{Now: func() time.Time { return today }}
}

// get serves one GET through the handler and returns the status and body.
func get(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Code, rec.Body.String()
}

// fetch GETs a URL from a test server.
func fetch(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// mustContain fails for each want missing from body.
func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: missing %q", what, w)
		}
	}
}

// citingSymbols lists the symbols of every document citing ref, per the
// index.
func citingSymbols(t *testing.T, idx *index.Index, ref string) []string {
	t.Helper()
	page, err := idx.Citing(context.Background(), ref, "", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range page.Hits {
		out = append(out, h.Symbol)
	}
	return out
}
