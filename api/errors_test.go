package api

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Malformed query parameters are 400 with a JSON error naming the cause.
func TestBadQueryParameters(t *testing.T) {
	f := corpusFixture(t)
	tests := []struct{ target, code string }{
		{"/api/v1/search?page=-1", "bad_param"},
		{"/api/v1/search?page=0", "bad_param"},
		{"/api/v1/search?page=abc", "bad_param"},
		{"/api/v1/search?size=101", "bad_param"},
		{"/api/v1/search?size=0", "bad_param"},
		{"/api/v1/search?size=-5", "bad_param"},
		{"/api/v1/search?page=101&size=100", "bad_param"}, // beyond the paging cap
		{"/api/v1/search?page=99999999999999999999", "bad_param"},
		{"/api/v1/search?from=2023-13-01", "bad_date"},
		{"/api/v1/search?to=yesterday", "bad_date"},
		{"/api/v1/search?from=2023-02-30", "bad_date"},
		{"/api/v1/search?from=2024&to=2023", "bad_date"},
		{"/api/v1/search?sort=relevance", "bad_param"},
		{"/api/v1/search?section=intro", "bad_param"},
		{"/api/v1/search?kind=a&kind=b", "bad_param"},
		{"/api/v1/search?q=%FF%FE", "bad_query"},
		{"/api/v1/search?q=a%00b", "bad_query"},
		{"/api/v1/search?q=" + strings.Repeat("x", MaxQueryBytes+1), "bad_query"},
		{"/api/v1/search?cites=%40%40", "bad_ref"},
		{"/api/v1/references?limit=0", "bad_param"},
		{"/api/v1/references?q=%FF", "bad_query"},
		{"/api/v1/references/62-KL%2FTW/citing?relation=likes", "bad_param"},
		{"/api/v1/references/62-KL%2FTW/citing?cursor=notacursor", "bad_cursor"},
		{"/api/v1/references/62-KL%2FTW/citing?limit=1001", "bad_param"},
		{"/api/v1/references/%20/citing", "bad_ref"},
		{"/api/v1/references/62@1066/citing", "bad_ref"},
		{"/api/v1/deadlines?format=xml", "bad_param"},
		{"/api/v1/deadlines?from=2023-6-1", "bad_date"},
		{"/api/v1/deadlines?responsible=" + strings.Repeat("y", 300), "bad_param"},
	}
	for _, tt := range tests {
		t.Run(tt.target[:min(len(tt.target), 60)], func(t *testing.T) {
			wantError(t, f.do(t, req{target: tt.target}), http.StatusBadRequest, tt.code)
		})
	}
}

// Unknown ids, routes and methods are JSON errors too.
func TestNotFoundAndMethods(t *testing.T) {
	f := corpusFixture(t)
	for _, target := range []string{
		"/api/v1/documents/0123456789abcdef", "/api/v1/documents/nothex", "/api/v1/documents/0123456789abcdef/text",
		"/api/v1/references/62-KL%2FTW", "/api/v1/references/62-KL/TW/cited", "/api/v1/nothing", "/api/v1/search/",
	} {
		wantError(t, f.do(t, req{target: target}), http.StatusNotFound, "not_found")
	}
	wantError(t, f.do(t, req{method: http.MethodDelete, target: "/api/v1/documents/0123456789abcdef"}), http.StatusNotFound, "not_found")
	wantError(t, f.do(t, req{method: http.MethodPut, target: "/api/v1/search"}), http.StatusMethodNotAllowed, "method_not_allowed")
}

// Bad bodies get a clear error and change nothing.
func TestBadBodiesChangeNothing(t *testing.T) {
	f := newFixture(t, Config{MaxBodyBytes: 4096}, "../corpus/ke-hoach-123-KH-TU-tinh-uy-2014.txt")
	text := func(ct, body string) func() req {
		return func() req {
			return req{method: http.MethodPost, body: strings.NewReader(body), header: map[string]string{"Content-Type": ct}}
		}
	}
	part := func(field, ct, content string) func() req {
		return func() req { return multipartReq(t, field, ct, content) }
	}
	noLength := func() req { // a body without Content-Length: MaxBytesReader stops it
		r := text("text/plain", "")()
		r.body = io.MultiReader(strings.NewReader(strings.Repeat("Kế hoạch ", 1000)))
		return r
	}
	tests := []struct {
		name   string
		mk     func() req
		status int
		code   string
	}{
		{"empty", text("text/plain", ""), 400, "empty_input"},
		{"blank", text("text/plain", " \n\t\n"), 400, "empty_input"},
		{"binary", text("text/plain", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 415, "binary_input"},
		{"too large", text("text/plain", strings.Repeat("a", 5000)), 413, "too_large"},
		{"too large, no length", noLength, 413, "too_large"},
		{"json", text("application/json", `{"a":1}`), 415, "unsupported_media_type"},
		{"form", text("application/x-www-form-urlencoded", "a=1"), 415, "unsupported_media_type"},
		{"latin1", text("text/plain; charset=iso-8859-1", "abc"), 415, "unsupported_media_type"},
		{"bad type", text("text/", "abc"), 415, "unsupported_media_type"},
		{"no boundary", text("multipart/form-data", "abc"), 400, "bad_body"},
		{"no file part", part("other", "text/plain", "KẾ HOẠCH"), 400, "no_file"},
		{"broken pdf part", part("file", "application/pdf", "%PDF-1.4"), 422, "unreadable_file"},
		{"latin1 part", part("file", "text/plain; charset=latin1", "abc"), 415, "unsupported_media_type"},
		{"large part", part("file", "text/plain", strings.Repeat("a", 5000)), 413, "too_large"},
		{"binary part", part("file", "", "\x00\x01\x02abc"), 415, "binary_input"},
	}
	before := count(t, f)
	for _, route := range []string{"/api/v1/documents", "/api/v1/extract"} {
		for _, tt := range tests {
			t.Run(route+" "+tt.name, func(t *testing.T) {
				r := tt.mk()
				r.target = route
				wantError(t, f.do(t, r), tt.status, tt.code)
			})
		}
	}
	if n := count(t, f); n != before {
		t.Errorf("bad bodies changed the index: %d documents, had %d", n, before)
	}
}

// multipartReq is a POST with one form part.
func multipartReq(t *testing.T, field, ct, content string) req {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	h := map[string][]string{"Content-Disposition": {`form-data; name="` + field + `"; filename="doc.txt"`}}
	if ct != "" {
		h["Content-Type"] = []string{ct}
	}
	p, err := w.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(p, content)
	w.Close()
	return req{method: http.MethodPost, body: &b, header: map[string]string{"Content-Type": w.FormDataContentType()}}
}

// A query that runs past the search timeout is cancelled and answered 503.
func TestSearchTimeout(t *testing.T) {
	f := newFixture(t, Config{SearchTimeout: time.Nanosecond}, "../corpus/ke-hoach-123-KH-TU-tinh-uy-2014.txt")
	for _, target := range []string{
		"/api/v1/search?q=ket+luan", "/api/v1/references", "/api/v1/references/62-KL%2FTW/citing", "/api/v1/deadlines",
	} {
		wantError(t, f.do(t, req{target: target}), http.StatusServiceUnavailable, "timeout")
	}
}

// The HTTP server has read, write and idle timeouts.
func TestHTTPServerTimeouts(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler(), Config{SearchTimeout: time.Second})
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.IdleTimeout <= 0 || srv.WriteTimeout <= time.Second {
		t.Errorf("timeouts %v %v %v %v", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}

// statusOf is the one mapping; every error a handler returns has a code.
func TestStatusOfUnknownIsInternal(t *testing.T) {
	if s, code := statusOf(io.ErrUnexpectedEOF); s != 500 || code != "internal" {
		t.Errorf("unknown error: %d %s", s, code)
	}
	if s, _ := statusOf(&http.MaxBytesError{Limit: 1}); s != 413 {
		t.Errorf("MaxBytesError: %d", s)
	}
}

// Queries beyond Config.MaxQueries wait for a slot within their search
// timeout: with the only slot taken, a search times out (503); once the
// slot is free, it runs.
func TestQueriesWaitForASlot(t *testing.T) {
	f := newFixture(t, Config{MaxQueries: 1, SearchTimeout: 50 * time.Millisecond}, "../corpus/ke-hoach-123-KH-TU-tinh-uy-2014.txt")
	f.srv.queries <- struct{}{} // a query running
	start := time.Now()
	wantError(t, f.do(t, req{target: "/api/v1/search?q=ket+luan"}), http.StatusServiceUnavailable, "timeout")
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("answered after %v, before the timeout", d)
	}
	<-f.srv.queries
	if res := f.do(t, req{target: "/api/v1/search?q=ket+luan"}); res.Code != http.StatusOK {
		t.Errorf("with the slot free: %d %s", res.Code, res.Body)
	}
}
