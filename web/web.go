package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"vanban/extract"
	"vanban/index"
)

// Options configure the handler; the zero value works.
type Options struct {
	// Token, when set, is required to add a document (as the API's
	// bearer token); when empty only loopback peers may add.
	Token string
	// MaxUpload bounds the body of an upload in bytes (default
	// extract.MaxInputSize plus 1 MB for the form).
	MaxUpload int64
	// Extract converts and extracts an upload; name is the file name ("" for
	// pasted text). Default: extract.Extract, which reads UTF-8 text only.
	Extract func(raw []byte, name string) (*extract.Document, string, error)
	// Timeout bounds each read of the index (default 10 s).
	Timeout time.Duration
	// Now tells the deadlines page what today is (default time.Now).
	Now func() time.Time
	// Log receives server errors (default slog.Default()).
	Log *slog.Logger
}

// Handler serves the web pages under "/" (and its assets under /static/),
// reading from idx; the API package mounts it with gin.WrapH.
func Handler(idx *index.Index, opts Options) http.Handler {
	s := &server{idx: idx, opts: withDefaults(opts), pages: parsePages()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.search)
	mux.HandleFunc("GET /doc/{id}", s.document)
	mux.HandleFunc("GET /doc/{id}/text", s.rawText)
	mux.HandleFunc("GET /cited", s.cited)
	mux.HandleFunc("GET /deadlines", s.deadlines)
	mux.HandleFunc("GET /upload", s.uploadForm)
	mux.HandleFunc("POST /upload", s.uploadPreview)
	mux.HandleFunc("POST /upload/add", s.uploadAdd)
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("/", s.notFound)
	return secure(mux)
}

func withDefaults(o Options) Options {
	if o.MaxUpload <= 0 {
		o.MaxUpload = extract.MaxInputSize + 1<<20
	}
	if o.Extract == nil {
		o.Extract = func(raw []byte, _ string) (*extract.Document, string, error) { return extract.Extract(raw) }
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	return o
}

type server struct {
	idx   *index.Index
	opts  Options
	pages map[string]*template.Template
}

// csp allows nothing but this origin: no external fonts, scripts or images.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers of every response.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		h.ServeHTTP(w, r)
	})
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the templates in templates/, each parsed with the layout
// and the shared parts.
var pageNames = []string{"search", "doc", "cited", "deadlines", "upload", "preview", "error"}

func parsePages() map[string]*template.Template {
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t := template.New("layout.html").Funcs(funcs)
		pages[name] = template.Must(t.ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
	}
	return pages
}

// staticHandler serves the embedded assets; directories are not listed.
func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// view is what the layout renders: the page title, the active menu entry
// and the page's own data.
type view struct {
	Title string
	Nav   string // "search", "cited", "deadlines", "upload"
	Data  any
}

// render executes a page into a buffer, then writes it with the status.
func (s *server) render(w http.ResponseWriter, status int, page string, v view) {
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, v); err != nil {
		s.opts.Log.Error("web: template", "page", page, "err", err)
		http.Error(w, "Lỗi máy chủ", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Message string
}

// fail renders the error page for err.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.statusOf(r, err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="vanban"`)
	}
	s.render(w, status, "error", view{Title: "Lỗi", Data: errorPage{status, msg}})
}

// notFound serves every path no other route takes.
func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, errNoPage)
}

// Errors of the web layer.
var (
	errNoPage       = errors.New("no such page")
	errBadParam     = errors.New("bad parameter")
	errUnsupported  = errors.New("unsupported content type")
	errUnauthorized = errors.New("missing or wrong token")
	errForbidden    = errors.New("writes are accepted only from loopback when no token is configured")
	errCrossOrigin  = errors.New("cross-origin request")
)

// statusOf maps an error to a status and a message in Vietnamese; server
// errors are logged and get a generic message.
func (s *server) statusOf(r *http.Request, err error) (int, string) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, index.ErrNotFound):
		return http.StatusNotFound, "Không tìm thấy văn bản này trong chỉ mục."
	case errors.Is(err, errNoPage):
		return http.StatusNotFound, "Không có trang này."
	case errors.Is(err, index.ErrBadRef):
		return http.StatusBadRequest, "Không nhận ra văn bản được dẫn. Hãy nhập, ví dụ: “Kết luận 62”, “kl 62” hoặc “62-KL/TW”."
	case errors.Is(err, index.ErrBadDate):
		return http.StatusBadRequest, "Ngày không hợp lệ: hãy nhập dạng 2014-10-20, 2014-10 hoặc 2014."
	case errors.Is(err, index.ErrBadCursor):
		return http.StatusBadRequest, "Liên kết trang không hợp lệ."
	case errors.Is(err, errBadParam), errors.Is(err, index.ErrBadSection):
		return http.StatusBadRequest, "Tham số không hợp lệ."
	case errors.Is(err, extract.ErrEmpty):
		return http.StatusBadRequest, "Chưa có nội dung: hãy dán văn bản hoặc chọn một tệp."
	case errors.Is(err, extract.ErrBinary):
		return http.StatusUnsupportedMediaType, "Tệp này không phải văn bản đọc được."
	case errors.Is(err, errUnsupported):
		return http.StatusUnsupportedMediaType, "Kiểu dữ liệu gửi lên không được hỗ trợ."
	case errors.Is(err, extract.ErrTooLarge), errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("Dữ liệu quá lớn (tối đa %d MB).", s.opts.MaxUpload>>20)
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, "Cần nhập đúng mã truy cập (token) để thêm văn bản."
	case errors.Is(err, errForbidden):
		return http.StatusForbidden, "Chưa cấu hình mã truy cập: chỉ được thêm văn bản từ chính máy chủ (localhost)."
	case errors.Is(err, errCrossOrigin):
		return http.StatusForbidden, "Yêu cầu từ trang web khác bị từ chối."
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "Truy vấn quá lâu nên đã dừng. Hãy thử lại hoặc thu hẹp tìm kiếm."
	}
	s.opts.Log.Error("web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "Lỗi máy chủ."
}

// readCtx is the context of one read of the index.
func (s *server) readCtx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.opts.Timeout)
}

// maxParamBytes bounds each query parameter.
const maxParamBytes = 1000

// param returns a query parameter, trimmed; it fails on text that is too
// long, not UTF-8 or has control characters.
func param(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if len(v) > maxParamBytes || !utf8.ValidString(v) || strings.IndexFunc(v, unicode.IsControl) >= 0 {
		return "", fmt.Errorf("%w: %s", errBadParam, name)
	}
	return v, nil
}

// params reads several query parameters into the given strings.
func params(r *http.Request, dst map[string]*string) error {
	for name, p := range dst {
		v, err := param(r, name)
		if err != nil {
			return err
		}
		*p = v
	}
	return nil
}
