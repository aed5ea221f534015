package api

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gin-gonic/gin"

	"vanban/extract"
	"vanban/index"
)

// The shared fixture: the five corpus documents and the Phú Yên plan
// (which cites Chỉ thị 43-CT/TW, never Kết luận 43), in a real index,
// served by a real gin engine. Read-only: tests that write build their
// own with newFixture.
var (
	sharedOnce sync.Once
	shared     *fixture
	sharedErr  error
	sharedDir  string
)

const phuYen = "../testdata/kh-tinh-uy-phu-yen-tong-ket-chi-thi-43-chu-thap-do-web-2020.txt"

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	code := m.Run()
	if sharedDir != "" {
		if shared != nil {
			shared.idx.Close()
		}
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// fixture is a server over a real index.
type fixture struct {
	srv  *Server
	idx  *index.Index
	h    http.Handler
	ids  map[string]string // file base name → document id
	file map[string]string // document id → file base name
}

// corpusFiles are the documents of the shared fixture.
func corpusFiles(t testing.TB) []string {
	files, _ := filepath.Glob("../corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no corpus in ../corpus")
	}
	return append(files, phuYen)
}

// corpusFixture returns the shared read-only fixture.
func corpusFixture(t testing.TB) *fixture {
	sharedOnce.Do(func() {
		sharedDir, sharedErr = os.MkdirTemp("", "vanban-api-test")
		if sharedErr == nil {
			shared, sharedErr = openFixture(sharedDir, Config{}, corpusFiles(t)...)
		}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

// newFixture builds a server over a new index in t.TempDir().
func newFixture(t testing.TB, cfg Config, files ...string) *fixture {
	f, err := openFixture(t.TempDir(), cfg, files...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.idx.Close() })
	return f
}

func openFixture(dir string, cfg Config, files ...string) (*fixture, error) {
	idx, err := index.Open(dir)
	if err != nil {
		return nil, err
	}
	f := &fixture{idx: idx, ids: map[string]string{}, file: map[string]string{}}
	var items []index.Item
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		doc, text, err := extract.Extract(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		items = append(items, index.Item{Doc: doc, Text: text})
	}
	ids, err := idx.PutBatch(items)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		base := filepath.Base(files[i])
		f.ids[base], f.file[id] = id, base
	}
	f.srv = New(idx, cfg)
	f.h = f.srv.Handler()
	return f, nil
}

// req describes a test request; the peer is loopback unless remote says.
type req struct {
	method, target string
	body           io.Reader
	header         map[string]string
	remote         string
}

func (f *fixture) do(t testing.TB, r req) *httptest.ResponseRecorder {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodGet
	}
	hr := httptest.NewRequest(r.method, r.target, r.body)
	hr.RemoteAddr = "127.0.0.1:40000"
	if r.remote != "" {
		hr.RemoteAddr = r.remote
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, hr)
	return rec
}

// get runs a GET and checks the status.
func (f *fixture) get(t testing.TB, target string, want int) *httptest.ResponseRecorder {
	t.Helper()
	rec := f.do(t, req{target: target})
	if rec.Code != want {
		t.Fatalf("GET %s: %d, want %d: %s", target, rec.Code, want, rec.Body.String())
	}
	return rec
}

// postText posts a text body to a route.
func (f *fixture) postText(t testing.TB, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	return f.do(t, req{method: http.MethodPost, target: target, body: strings.NewReader(body),
		header: map[string]string{"Content-Type": "text/plain; charset=utf-8"}})
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %q: %v", truncate(rec.Body.String(), 300), err)
	}
	return v
}

// wantError checks an error response: status, JSON body, code.
func wantError(t testing.TB, rec *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d: %s", rec.Code, status, rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type %q", ct)
	}
	var e ErrorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Message == "" {
		t.Fatalf("error body %q: %v", rec.Body.String(), err)
	}
	if e.Error.Code != code {
		t.Errorf("error code %q, want %q (%s)", e.Error.Code, code, e.Error.Message)
	}
}

func count(t testing.TB, f *fixture) uint64 {
	t.Helper()
	n, err := f.idx.Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// smallPlan is a short plan citing 62-KL/TW, reviewing it or based on
// it, with a unique word so every n gives another document.
func smallPlan(n int, reviews bool) string {
	title := fmt.Sprintf("sơ kết 5 năm thực hiện Kết luận số 62-KL/TW, ngày 08/12/2009 của Bộ Chính trị, đợt alpha%d", n)
	intro := ""
	if !reviews {
		title = fmt.Sprintf("tuyên truyền công tác dân vận, đợt alpha%d", n)
		intro = "Căn cứ Kết luận số 62-KL/TW, ngày 08/12/2009 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:\n"
	}
	return fmt.Sprintf(`TỈNH ỦY PHÚ THỌ
Số %d-KH/TU
Phú Thọ, ngày 05 tháng 3 năm 2015

KẾ HOẠCH
%s

%s
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng công tác dân vận trong toàn tỉnh, mã số beta%d.

II. TỔ CHỨC THỰC HIỆN
Ban Dân vận Tỉnh ủy gửi báo cáo trước ngày 30/6/2015.
`, 100+n, title, intro, n)
}
