package web_test

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"vanban/extract"
	"vanban/index"
	"vanban/web"
)

// symbolsIn lists the data-symbol attributes of the list items with id
// list ("results", "citing") in a page.
func symbolsIn(body, list string) []string {
	i := strings.Index(body, `id="`+list+`"`)
	if i < 0 {
		return nil
	}
	body = body[i:]
	if j := strings.Index(body, "</ol>"); j >= 0 {
		body = body[:j]
	}
	var out []string
	for _, m := range regexp.MustCompile(`<li class="hit" data-symbol="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestSearchPage(t *testing.T) {
	idx, _ := corpusIndex(t)
	h := web.Handler(idx, testOptions())

	code, plain := get(t, h, "/?q=ket+luan+62")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	mustContain(t, "search", plain,
		`value="ket luan 62"`, `<mark>`, "Loại văn bản", "Năm ban hành", "Cơ quan ban hành", "Văn bản được dẫn",
		`<html lang="vi">`, `name="viewport"`)
	got := symbolsIn(plain, "results")
	if !slices.Contains(got, "123-KH/TU") {
		t.Errorf("“ket luan 62” found %v, want 123-KH/TU", got)
	}
	_, marked := get(t, h, "/?q="+url.QueryEscape("kết luận 62"))
	if with := symbolsIn(marked, "results"); !slices.Equal(with, got) {
		t.Errorf("with diacritics %v, without %v", with, got)
	}

	t.Run("facets", func(t *testing.T) {
		for target, want := range map[string][]string{
			"/?year=2014": {"123-KH/TU"},
			"/?q=ket+luan+62&cites=" + url.QueryEscape("62-KL/TW@2009-12-08"): {"123-KH/TU", "13-CTr/TU"},
			"/?kind=" + url.QueryEscape("Chương trình hành động"):             {"13-CTr/TU"},
		} {
			code, body := get(t, h, target)
			got := symbolsIn(body, "results")
			slices.Sort(got)
			if code != http.StatusOK || !slices.Equal(got, want) {
				t.Errorf("%s: %d %v, want %v", target, code, got, want)
			}
			if !strings.Contains(body, `class="chip"`) {
				t.Errorf("%s: the filter in force is not shown", target)
			}
		}
		// A facet link keeps the query and adds its filter.
		if !regexp.MustCompile(`href="/\?q=ket&#43;luan&#43;62&amp;year=2014"`).MatchString(plain) {
			t.Error("no year facet link keeping the query")
		}
	})

	t.Run("all documents without a query", func(t *testing.T) {
		_, body := get(t, h, "/")
		if n := len(symbolsIn(body, "results")); n != 5 {
			t.Errorf("%d documents listed, want the 5 of the corpus", n)
		}
	})

	t.Run("bad parameter", func(t *testing.T) {
		code, body := get(t, h, "/?q=%FF%FE")
		if code != http.StatusBadRequest || !strings.Contains(body, `role="alert"`) {
			t.Errorf("invalid UTF-8 query: %d", code)
		}
	})
}

func TestSearchPaging(t *testing.T) {
	idx, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	for i := 1; i <= 23; i++ {
		text := fmt.Sprintf("KẾ HOẠCH\nkiểm tra phân trang số %d\n", i)
		doc := &extract.Document{Kind: "Kế hoạch", Symbol: extract.Str(fmt.Sprintf("%d-KH/TU", i)), Title: "kiểm tra phân trang"}
		if _, err := idx.Put(doc, text); err != nil {
			t.Fatal(err)
		}
	}
	h := web.Handler(idx, testOptions())
	_, first := get(t, h, "/?q=phan+trang")
	mustContain(t, "page 1", first, "Trang 1/3", `href="/?page=2&amp;q=phan&#43;trang"`, `rel="next"`)
	_, second := get(t, h, "/?q=phan+trang&page=2")
	mustContain(t, "page 2", second, "Trang 2/3", `href="/?q=phan&#43;trang" rel="prev"`)
	_, third := get(t, h, "/?q=phan+trang&page=3")
	if n := len(symbolsIn(third, "results")); n != 3 {
		t.Errorf("page 3 has %d hits, want 3", n)
	}
	if strings.Contains(third, `rel="next"`) {
		t.Error("the last page links to a next page")
	}
}

func TestDocumentPage(t *testing.T) {
	idx, ids := corpusIndex(t)
	h := web.Handler(idx, testOptions())
	id := ids["123-KH/TU"]
	code, body := get(t, h, "/doc/"+id)
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	mustContain(t, "document", body,
		"<h1>Kế hoạch 123-KH/TU</h1>", "Ban Thường vụ Tỉnh ủy", "29/08/2014", "Dương Văn An",
		`<a href="#sec-285">I. MỤC ĐÍCH, YÊU CẦU</a>`, `<span class="h" id="sec-285">I. MỤC ĐÍCH, YÊU CẦU</span>`,
		`<a class="ref" id="m-60" href="/cited?ref=62-KL%2FTW%402009-12-08"`,
		`<mark class="dl" id="dl-2356"`, `<a href="#dl-2356"><strong>20/10/2014</strong></a>`,
		`href="#att-1"`, `id="att-1"`, "ĐỀ CƯƠNG", `href="/doc/`+id+`/text"`,
		`<a href="/cited?ref=62-KL%2FTW%402009-12-08" title="Các văn bản dẫn văn bản này">`, "Sơ kết, tổng kết")

	t.Run("raw text", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/doc/"+id+"/text", nil))
		_, text, _ := idx.Get(id)
		if rec.Code != http.StatusOK || rec.Body.String() != text || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
			t.Errorf("raw text: %d %q", rec.Code, rec.Header().Get("Content-Type"))
		}
	})

	t.Run("unknown", func(t *testing.T) {
		for _, target := range []string{"/doc/0000000000000000", "/doc/0000000000000000/text", "/nope", "/doc/"} {
			code, body := get(t, h, target)
			if code != http.StatusNotFound || !strings.Contains(body, "Không") {
				t.Errorf("%s: %d", target, code)
			}
		}
	})
}

func TestCitedPage(t *testing.T) {
	idx, _ := corpusIndex(t)
	h := web.Handler(idx, testOptions())
	// A short form typed by a user resolves as in the API (index.ParseRef).
	for _, ref := range []string{"kl 62", "Kết luận 62", "KL-62", "62-KL/TW", "62-KL/TW@2009-12-08", "ket luan so 62"} {
		code, body := get(t, h, "/cited?ref="+url.QueryEscape(ref))
		got, want := symbolsIn(body, "citing"), citingSymbols(t, idx, ref)
		if code != http.StatusOK || len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%q: %d, page %v, index %v", ref, code, got, want)
		}
		if n := strings.Count(body, "<blockquote>"); n < len(want) {
			t.Errorf("%q: %d mentions in context for %d documents", ref, n, len(want))
		}
	}
	_, body := get(t, h, "/cited?ref=kl+62")
	mustContain(t, "kl 62", body, "Các văn bản dẫn Kết luận 62",
		`<mark>Kết luận số 62-KL/TW</mark>`, `#m-60">Sơ kết, tổng kết</a>`)

	t.Run("relation", func(t *testing.T) {
		_, body := get(t, h, "/cited?ref=62-KL%2FTW&rel=reviews")
		page, err := idx.Citing(context.Background(), "62-KL/TW", "reviews", "", 100)
		if err != nil {
			t.Fatal(err)
		}
		if got := symbolsIn(body, "citing"); len(got) != len(page.Hits) || !slices.Contains(got, "123-KH/TU") {
			t.Errorf("reviews of 62-KL/TW: %v, index has %d", got, len(page.Hits))
		}
	})

	t.Run("most cited", func(t *testing.T) {
		code, body := get(t, h, "/cited")
		mustContain(t, "top", body, `id="top-cited"`, `href="/cited?ref=25-NQ%2FTW%402013-06-03"`)
		if code != http.StatusOK {
			t.Errorf("status %d", code)
		}
	})

	t.Run("bad input", func(t *testing.T) {
		for _, target := range []string{"/cited?ref=xyz", "/cited?ref=kl+62&after=%21%21", "/cited?ref=kl+62&rel=nope"} {
			code, body := get(t, h, target)
			if code != http.StatusBadRequest || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, `id="ref"`) {
				t.Errorf("%s: %d, want 400 with the form and the message", target, code)
			}
		}
	})
}

func TestDeadlinesPage(t *testing.T) {
	idx, ids := corpusIndex(t)
	h := web.Handler(idx, testOptions()) // today is 2023-07-20
	code, body := get(t, h, "/deadlines")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	past := body[strings.Index(body, `id="past"`):]
	upcoming := body[strings.Index(body, `id="upcoming"`):strings.Index(body, `id="timeline"`)]
	mustContain(t, "past", past, `<tr data-start="2014-10-20" data-symbol="123-KH/TU">`,
		`href="/doc/`+ids["123-KH/TU"]+`#dl-2356"`)
	mustContain(t, "upcoming", upcoming, `<tr data-start="2023-07-30" data-symbol="82-KH/BDVTW">`)
	if strings.Contains(upcoming, `data-start="2014-`) {
		t.Error("a 2014 deadline is listed as upcoming")
	}
	mustContain(t, "timeline", body, `<span class="month">10/2014</span>`, `class="chip"`,
		`href="/api/v1/deadlines?format=ics"`, `href="/api/v1/deadlines?format=csv"`)

	t.Run("filters", func(t *testing.T) {
		_, body := get(t, h, "/deadlines?from=2014-10-01&to=2014-10-31&responsible="+url.QueryEscape("Ban Thường vụ"))
		starts := regexp.MustCompile(`<tr data-start="([^"]+)"`).FindAllStringSubmatch(body, -1)
		if len(starts) == 0 {
			t.Fatal("no deadline in October 2014 for Ban Thường vụ")
		}
		for _, s := range starts {
			if !strings.HasPrefix(s[1], "2014-10") {
				t.Errorf("deadline %s outside the range", s[1])
			}
		}
		mustContain(t, "filtered", body, `value="Ban Thường vụ"`, `value="2014-10-01"`,
			`href="/api/v1/deadlines?format=ics&amp;from=2014-10-01&amp;responsible=Ban&#43;Th%C6%B0%E1%BB%9Dng&#43;v%E1%BB%A5&amp;to=2014-10-31"`)
	})

	t.Run("bad date", func(t *testing.T) {
		code, body := get(t, h, "/deadlines?from=20-10-2014")
		if code != http.StatusBadRequest || !strings.Contains(body, "Ngày không hợp lệ") || !strings.Contains(body, `id="from"`) {
			t.Errorf("bad date: %d", code)
		}
	})
}

// multipartBody builds a form with fields and, when name is set, a file.
func multipartBody(t *testing.T, fields map[string]string, name string, file []byte) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if name != "" {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(file)
	}
	w.Close()
	return &buf, w.FormDataContentType()
}

// post serves a multipart POST from a peer and returns the recorder.
func post(h http.Handler, target, peer, ctype string, body *bytes.Buffer, headers map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, target, body)
	req.RemoteAddr = peer
	req.Header.Set("Content-Type", ctype)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const loopbackPeer, remotePeer = "127.0.0.1:50000", "192.0.2.7:50000"

func TestUploadPreview(t *testing.T) {
	idx, _ := corpusIndex(t)
	h := web.Handler(idx, testOptions())
	code, form := get(t, h, "/upload")
	mustContain(t, "form", form, `action="/upload"`, `enctype="multipart/form-data"`, `name="text"`, `name="file"`)
	if code != http.StatusOK {
		t.Errorf("form: %d", code)
	}

	raw, err := os.ReadFile(corpus + "/ke-hoach-123-KH-TU-tinh-uy-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	body, ctype := multipartBody(t, nil, "kh123.txt", raw)
	rec := post(h, "/upload", remotePeer, ctype, body, nil) // extraction only: open
	page := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("preview: %d", rec.Code)
	}
	dl, head := strings.Index(page, `id="deadlines"`), strings.Index(page, `class="doc-head"`)
	if dl < 0 || head < 0 || dl > head {
		t.Error("the preview does not show the deadlines first")
	}
	mustContain(t, "preview", page, "<strong>20/10/2014</strong>", "Kế hoạch 123-KH/TU", `action="/upload/add"`,
		`<input type="hidden" name="name" value="kh123.txt">`, `<textarea name="text" hidden>`)
	if strings.Contains(page, `name="token"`) {
		t.Error("token field shown though no token is configured")
	}

	t.Run("pasted text", func(t *testing.T) {
		form := url.Values{"text": {string(raw)}}.Encode()
		rec := post(h, "/upload", loopbackPeer, "application/x-www-form-urlencoded", bytes.NewBufferString(form), nil)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Kế hoạch 123-KH/TU") {
			t.Errorf("pasted text: %d", rec.Code)
		}
	})

	t.Run("refused input", func(t *testing.T) {
		small := web.Handler(idx, web.Options{MaxUpload: 1000})
		for _, c := range []struct {
			name string
			h    http.Handler
			file []byte
			text string
			want int
		}{
			{"empty", h, nil, "  ", http.StatusBadRequest},
			{"binary", h, []byte("\x00\x01\x02binary"), "", http.StatusUnsupportedMediaType},
			{"too large", small, bytes.Repeat([]byte("chữ "), 1000), "", http.StatusRequestEntityTooLarge},
		} {
			fname := ""
			if c.file != nil {
				fname = "f.txt"
			}
			body, ctype := multipartBody(t, map[string]string{"text": c.text}, fname, c.file)
			rec := post(c.h, "/upload", loopbackPeer, ctype, body, nil)
			if rec.Code != c.want || !strings.Contains(rec.Body.String(), `role="alert"`) {
				t.Errorf("%s: %d, want %d with a message", c.name, rec.Code, c.want)
			}
		}
		rec := post(h, "/upload", loopbackPeer, "application/json", bytes.NewBufferString("{}"), nil)
		if rec.Code != http.StatusUnsupportedMediaType {
			t.Errorf("JSON body: %d", rec.Code)
		}
	})
}

func TestUploadAdd(t *testing.T) {
	raw, err := os.ReadFile(corpus + "/ke-hoach-58-KH-TU-dak-lak-2018.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, text, _ := extract.Extract(raw)
	wantID := index.DocID(text)
	form := func(token string) (*bytes.Buffer, string) {
		f := map[string]string{"text": text, "name": "kh58.docx", "format": "docx", "encoding": "utf-8"}
		if token != "" {
			f["token"] = token
		}
		return multipartBody(t, f, "", nil)
	}

	t.Run("loopback only without a token", func(t *testing.T) {
		idx, err := index.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer idx.Close()
		var names []string
		opts := testOptions()
		opts.Extract = func(raw []byte, name string) (*extract.Document, string, error) {
			names = append(names, name)
			return extract.Extract(raw)
		}
		h := web.Handler(idx, opts)
		body, ctype := form("")
		if rec := post(h, "/upload/add", remotePeer, ctype, body, nil); rec.Code != http.StatusForbidden {
			t.Errorf("remote peer: %d, want 403", rec.Code)
		}
		body, ctype = form("")
		if rec := post(h, "/upload/add", loopbackPeer, ctype, body, map[string]string{"Sec-Fetch-Site": "cross-site"}); rec.Code != http.StatusForbidden {
			t.Errorf("cross-site request: %d, want 403", rec.Code)
		}
		if n, _ := idx.Count(); n != 0 {
			t.Fatalf("refused writes stored %d documents", n)
		}
		body, ctype = form("")
		rec := post(h, "/upload/add", loopbackPeer, ctype, body, map[string]string{"Sec-Fetch-Site": "same-origin"})
		if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || loc != "/doc/"+wantID+"?added=1" {
			t.Fatalf("add: %d %q, want 303 to /doc/%s?added=1", rec.Code, loc, wantID)
		}
		doc, _, err := idx.Get(wantID)
		if err != nil || doc.Symbol != "58-KH/TU" || doc.Source == nil || doc.Source.Format != "docx" {
			t.Errorf("stored: %+v %v", doc, err)
		}
		if !slices.Equal(names, []string{"kh58.txt"}) {
			t.Errorf("Options.Extract got names %q, want the text name kh58.txt", names)
		}
		_, page := get(t, h, "/doc/"+wantID+"?added=1")
		mustContain(t, "added", page, `class="notice"`, "Đã thêm văn bản vào chỉ mục.")
	})

	t.Run("token", func(t *testing.T) {
		idx, err := index.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer idx.Close()
		h := web.Handler(idx, web.Options{Token: "s3cret"})
		for _, c := range []struct {
			name, token, peer string
			headers           map[string]string
			want              int
		}{
			{"missing", "", loopbackPeer, nil, http.StatusUnauthorized},
			{"wrong", "guess", loopbackPeer, nil, http.StatusUnauthorized},
			{"wrong bearer", "", remotePeer, map[string]string{"Authorization": "Bearer guess"}, http.StatusUnauthorized},
			{"form field", "s3cret", remotePeer, nil, http.StatusSeeOther},
			{"bearer", "", remotePeer, map[string]string{"Authorization": "Bearer s3cret"}, http.StatusSeeOther},
		} {
			body, ctype := form(c.token)
			rec := post(h, "/upload/add", c.peer, ctype, body, c.headers)
			if rec.Code != c.want {
				t.Errorf("%s: %d, want %d", c.name, rec.Code, c.want)
			}
			if c.want == http.StatusUnauthorized && rec.Header().Get("WWW-Authenticate") == "" {
				t.Errorf("%s: no WWW-Authenticate", c.name)
			}
		}
		// The preview asks for the token.
		body, ctype := multipartBody(t, map[string]string{"text": text}, "", nil)
		if rec := post(h, "/upload", remotePeer, ctype, body, nil); !strings.Contains(rec.Body.String(), `name="token" type="password"`) {
			t.Error("the preview has no token field")
		}
	})
}

// evil is user input that must come back escaped.
const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>`

func TestEscaping(t *testing.T) {
	idx, _ := corpusIndex(t)
	doc := &extract.Document{Kind: "Kế hoạch", Symbol: "7-KH/TU", Title: extract.Str(evil)}
	text := "KẾ HOẠCH\n" + evil + "\nThực hiện Kết luận số 62-KL/TW " + evil + "\n"
	at := strings.Index(text, "Kết luận")
	doc.References = []*extract.Reference{{ID: `62-KL/TW"><b>`, Kind: "Kết luận", Relation: "cites",
		Mentions: []extract.Mention{{Text: "Kết luận số 62-KL/TW", Span: extract.Span{at, at + len("Kết luận số 62-KL/TW")}}}}}
	doc.Deadlines = []*extract.Deadline{{Text: evil, Start: "2030-01-01", End: "2030-01-01", Responsible: evil, Task: evil, Span: extract.Span{0, 5}}}
	id, err := idx.Put(doc, text)
	if err != nil {
		t.Fatal(err)
	}
	h := web.Handler(idx, testOptions())
	q := url.QueryEscape(evil)
	pages := []string{"/?q=" + q, "/?kind=" + q + "&issuer=" + q + "&cites=kl+62&year=2014", "/cited?ref=" + q,
		"/cited?ref=kl+62&rel=" + q, "/deadlines?responsible=" + q, "/deadlines?from=" + q, "/doc/" + id,
		"/doc/" + url.PathEscape(evil), "/?q=" + url.QueryEscape("7-KH/TU")}
	for _, target := range pages {
		_, body := get(t, h, target)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, `"><b>`) {
			t.Errorf("%s: user input not escaped", target)
		}
	}
	_, body := get(t, h, "/doc/"+id)
	mustContain(t, "document", body, "&lt;script&gt;alert(1)&lt;/script&gt;")
	body2, ctype := multipartBody(t, map[string]string{"text": uploadText}, evil+".txt", []byte(uploadText))
	rec := post(h, "/upload", loopbackPeer, ctype, body2, nil)
	if b := rec.Body.String(); strings.Contains(b, "<script>alert") || strings.Contains(b, "<img src=x") {
		t.Error("upload preview: user input not escaped")
	}
}

// externalURL finds absolute http(s) URLs.
var externalURL = regexp.MustCompile(`(?i)https?:(//|\\/\\/|&#x2f;|%2f)[^\s"'<>)]*`)

// TestNoExternalURLs reads every page and every asset it links, and each
// embedded asset, through a real server: none may name another origin.
func TestNoExternalURLs(t *testing.T) {
	idx, ids := corpusIndex(t)
	srv := httptest.NewServer(web.Handler(idx, testOptions()))
	defer srv.Close()
	targets := []string{"/", "/?q=ket+luan+62", "/cited", "/cited?ref=kl+62", "/deadlines", "/upload", "/nope",
		"/static/style.css", "/static/app.js"}
	for _, id := range ids {
		targets = append(targets, "/doc/"+id, "/doc/"+id+"/text")
	}
	assets := regexp.MustCompile(`(?:src|href)="(/static/[^"]+)"`)
	seen := map[string]bool{}
	for len(targets) > 0 {
		target := targets[0]
		targets = targets[1:]
		if seen[target] {
			continue
		}
		seen[target] = true
		resp, body := fetch(t, srv.URL+target)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: %d", target, resp.StatusCode)
		}
		checkOrigin(t, target, body, srv.URL)
		for _, m := range assets.FindAllStringSubmatch(body, -1) {
			targets = append(targets, m[1])
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", target, csp)
		}
	}
	for _, asset := range []string{"/static/style.css", "/static/app.js"} {
		if !seen[asset] {
			t.Errorf("%s not linked from the pages", asset)
		}
	}
	// The upload preview.
	raw, _ := os.ReadFile(corpus + "/ke-hoach-256-KH-TU-hai-phong-2023.txt")
	resp, err := http.PostForm(srv.URL+"/upload", url.Values{"text": {string(raw)}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	resp.Body.Close()
	checkOrigin(t, "POST /upload", buf.String(), srv.URL)
	// Protocol-relative URLs in attributes.
	if regexp.MustCompile(`(?:src|href|action)="//`).MatchString(buf.String()) {
		t.Error("protocol-relative URL in the preview")
	}
}

func checkOrigin(t *testing.T, what, body, origin string) {
	t.Helper()
	for _, u := range externalURL.FindAllString(body, -1) {
		if !strings.HasPrefix(u, origin) {
			t.Errorf("%s: external URL %q", what, u)
		}
	}
}

// gin404Writer is a ResponseWriter that, like gin's under NoRoute,
// answers 404 unless the handler sets a status itself.
type gin404Writer struct {
	*httptest.ResponseRecorder
	set bool
}

func (w *gin404Writer) WriteHeader(code int) {
	w.set = true
	w.ResponseRecorder.WriteHeader(code)
}

func (w *gin404Writer) Write(b []byte) (int, error) {
	if !w.set {
		w.WriteHeader(http.StatusNotFound)
	}
	return w.ResponseRecorder.Write(b)
}

// TestStatusWrittenExplicitly: mounted as gin's NoRoute handler, a page
// must still answer 200.
func TestStatusWrittenExplicitly(t *testing.T) {
	idx, ids := corpusIndex(t)
	h := web.Handler(idx, testOptions())
	for _, target := range []string{"/", "/doc/" + ids["123-KH/TU"], "/doc/" + ids["123-KH/TU"] + "/text",
		"/cited?ref=kl+62", "/deadlines", "/upload", "/static/style.css", "/static/app.js"} {
		w := &gin404Writer{ResponseRecorder: httptest.NewRecorder()}
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
		if w.Code != http.StatusOK {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
}

func TestStatic(t *testing.T) {
	idx, _ := corpusIndex(t)
	h := web.Handler(idx, testOptions())
	for target, ctype := range map[string]string{"/static/style.css": "text/css", "/static/app.js": "javascript"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %q", target, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
	for _, target := range []string{"/static/", "/static/nope.css", "/static/../web.go", "/static/..%2fweb.go"} {
		if code, body := get(t, h, target); code == http.StatusOK || strings.Contains(body, "package web") {
			t.Errorf("%s: %d", target, code)
		}
	}
}
