package web_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"vanban/web"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// uploadText is a short plan pasted on the upload page; its markup must
// come back escaped.
const uploadText = `TỈNH ỦY THỬ NGHIỆM
*
Số 999-KH/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Thử Nghiệm, ngày 05 tháng 11 năm 2030

KẾ HOẠCH
kiểm tra trang tải lên <script>alert(1)</script>

Thực hiện Kết luận số 62-KL/TW, ngày 08/12/2009 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Kiểm tra việc tải văn bản lên.

II. TỔ CHỨC THỰC HIỆN
1. Ban Dân vận Tỉnh ủy tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/12/2030.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Thử
`

// TestBrowser drives headless Chromium through the pages, as a person
// would: search, open a document, follow a reference to its "cited by"
// page, read the deadlines, search with JavaScript disabled, and upload.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skip("browser test skipped: no Chromium at " + chromiumPath + " (apt-get install -y chromium)")
	}
	idx, ids := corpusIndex(t)
	srv := httptest.NewServer(web.Handler(idx, testOptions()))
	defer srv.Close()
	b := newBrowser(t, srv.URL)

	t.Run("search", func(t *testing.T) {
		b.t = t
		b.desktop()
		b.open("/")
		b.submit(chromedp.SendKeys(chromedp.ID("q"), "ket luan 62\r"))
		if loc := b.location(); !strings.Contains(loc, "q=ket+luan+62") {
			t.Errorf("the URL does not keep the query: %s", loc)
		}
		if syms := b.symbols("#results > li"); !slices.Contains(syms, "123-KH/TU") {
			t.Errorf("results for “ket luan 62”: %v, want 123-KH/TU among them", syms)
		}
		if n := b.count("#results mark"); n == 0 {
			t.Error("no highlighted word in the snippets")
		}
		if js := b.eval(`document.documentElement.dataset.js || ""`); js != "on" {
			t.Errorf("app.js did not run (data-js=%q): the CSP or the asset is wrong", js)
		}
		b.shot("1-search-desktop")
		b.phone()
		b.shot("2-search-phone")
		// Changing the sort submits the form (app.js); the back button
		// returns to the previous results.
		b.submit(chromedp.Evaluate[chromedp.Void](`(s => { s.value = "-date"; s.dispatchEvent(new Event("change", {bubbles: true})) })(document.getElementById("sort"))`))
		if loc := b.location(); !strings.Contains(loc, "sort=-date") || !strings.Contains(loc, "q=ket+luan+62") {
			t.Errorf("after choosing a sort: %s", loc)
		}
		b.do(chromedp.Evaluate[chromedp.Void](`history.back()`))
		loc := b.waitLocation(func(u string) bool { return !strings.Contains(u, "sort=-date") })
		if !strings.Contains(loc, "q=ket+luan+62") {
			t.Errorf("back button led to %s", loc)
		}
		// The page came from the back-forward cache, which chromedp does
		// not follow: load it again.
		b.open(strings.TrimPrefix(loc, b.origin))
	})

	t.Run("document", func(t *testing.T) {
		b.t = t
		b.desktop()
		b.submit(chromedp.Click(chromedp.CSS(`#results > li[data-symbol="123-KH/TU"] h2 a`)))
		if loc, want := b.location(), srv.URL+"/doc/"+ids["123-KH/TU"]; loc != want {
			t.Fatalf("opened %s, want %s", loc, want)
		}
		if h1 := b.eval(`document.querySelector("h1").textContent`); h1 != "Kế hoạch 123-KH/TU" {
			t.Errorf("h1 = %q", h1)
		}
		if b.count(`#toc a[href="#sec-285"]`) != 1 || b.count("#sec-285") != 1 {
			t.Error("the table of contents does not lead to section I")
		}
		if n := b.count(`#doc-text mark.dl`); n != 6 {
			t.Errorf("%d deadlines marked in the text, want 6", n)
		}
		b.shot("3-doc-desktop")
		b.do(chromedp.ScrollIntoView(chromedp.CSS("#sec-1122")))
		b.shot("3b-doc-text-desktop")
		b.phone()
		b.shot("4b-doc-text-phone")
		b.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		b.shot("4-doc-phone")
	})

	t.Run("cited by", func(t *testing.T) {
		b.t = t
		b.submit(chromedp.Click(chromedp.CSS(`#doc-text a.ref[href^="/cited?ref=62-KL"]`)))
		if loc := b.location(); !strings.Contains(loc, "/cited?ref=62-KL%2FTW") {
			t.Fatalf("the reference link led to %s", loc)
		}
		got := b.symbols("#citing > li")
		want := citingSymbols(t, idx, "62-KL/TW")
		slices.Sort(got)
		slices.Sort(want)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("documents citing 62-KL/TW: page lists %v, index has %v", got, want)
		}
		if n, m := b.count("#citing > li"), b.count("#citing > li blockquote mark"); m < n {
			t.Errorf("%d citing documents but %d mentions in context", n, m)
		}
		b.shot("5-cited-phone")
	})

	t.Run("deadlines", func(t *testing.T) {
		b.t = t
		b.desktop()
		b.submit(chromedp.Click(chromedp.CSS(`header nav a[href="/deadlines"]`)))
		if b.count(`#past tr[data-start="2014-10-20"][data-symbol="123-KH/TU"]`) == 0 {
			t.Error("deadline 2014-10-20 of 123-KH/TU missing from the past deadlines")
		}
		b.do(chromedp.SendKeys(chromedp.ID("responsible"), "Ban Thường vụ"),
			chromedp.SendKeys(chromedp.ID("from"), "2014-10-01"),
			chromedp.SendKeys(chromedp.ID("to"), "2014-10-31"))
		b.submit(chromedp.Click(chromedp.CSS(`form.filters button`)))
		starts := b.eval(`[...document.querySelectorAll("#past tr[data-start]")].map(r => r.dataset.start).join(" ")`)
		if !strings.Contains(starts, "2014-10-20") || strings.Contains(starts, "2014-11") {
			t.Errorf("filtered deadlines start on %q, want 2014-10-20 and nothing after October 2014", starts)
		}
		if ics := b.eval(`document.getElementById("ics").getAttribute("href")`); !strings.Contains(ics, "format=ics") || !strings.Contains(ics, "from=2014-10-01") {
			t.Errorf(".ics link %q lacks the filters", ics)
		}
		b.shot("6-deadlines-desktop")
		b.phone()
		b.open("/deadlines")
		b.shot("7-deadlines-phone")
	})

	t.Run("no javascript", func(t *testing.T) {
		b.t = t
		b.desktop()
		b.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
		defer b.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false})
			return err
		}))
		b.open("/")
		b.submit(chromedp.SendKeys(chromedp.ID("q"), "kết luận 62\r"))
		if b.attr("html", "data-js") != "" {
			t.Fatal("scripts still ran: JavaScript was not disabled")
		}
		if syms := b.nodeSymbols("#results > li"); !slices.Contains(syms, "123-KH/TU") {
			t.Errorf("without JavaScript, results for “kết luận 62”: %v", syms)
		}
		b.shot("8-search-nojs")
		b.open("/doc/" + ids["123-KH/TU"])
		if n := b.nodes("#doc-text a.ref"); n == 0 {
			t.Error("without JavaScript, the document shows no reference links")
		}
	})

	t.Run("upload", func(t *testing.T) {
		b.t = t
		b.phone()
		b.open("/upload")
		b.do(chromedp.SetValue(chromedp.ID("text"), uploadText))
		b.submit(chromedp.Click(chromedp.CSS(`form.upload button`)))
		order := b.eval(`String(document.getElementById("deadlines").compareDocumentPosition(document.querySelector(".doc-head")) & Node.DOCUMENT_POSITION_FOLLOWING)`)
		if order == "0" {
			t.Error("the preview does not show the deadlines first")
		}
		if b.count(`#deadlines tr[data-start="2030-12-15"]`) != 1 {
			t.Error("the preview lacks the deadline 2030-12-15")
		}
		if title := b.eval(`document.querySelector(".doc-head .lead").textContent`); !strings.Contains(title, "<script>") {
			t.Errorf("the title lost its markup (not escaped?): %q", title)
		}
		b.shot("9-preview-phone")
		b.submit(chromedp.Click(chromedp.CSS(`#add button`)))
		if loc := b.location(); !strings.Contains(loc, "/doc/") || !strings.HasSuffix(loc, "?added=1") || b.count(".notice") != 1 {
			t.Fatalf("after adding, at %s", loc)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(b.location(), srv.URL+"/doc/"), "?added=1")
		if doc, _, err := idx.Get(id); err != nil || doc.Symbol != "999-KH/TU" {
			t.Errorf("added document %s: %v", id, err)
		}
	})

	if seen, reqs := b.requests(); seen == 0 || len(reqs) > 0 {
		t.Errorf("%d requests seen; outside %s: %v", seen, srv.URL, reqs)
	}
}

// browser drives one Chromium tab against the test server.
type browser struct {
	t      *testing.T
	ctx    context.Context
	origin string
	dir    string // screenshots

	mu    sync.Mutex
	seen  int      // requests made
	other []string // requests outside origin
}

// newBrowser starts headless Chromium with a fresh profile; it stops with
// the test.
func newBrowser(t *testing.T, origin string) *browser {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	// The first action starts the browser, which lives as long as ctx
	// (the test); each later action has its own time limit (stepTimeout).
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	b := &browser{t: t, ctx: ctx, origin: origin, dir: screenshotDir(t)}
	b.watch()
	return b
}

// screenshotDir is $VANBAN_SCREENSHOTS (kept by CI) or a temporary folder.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("VANBAN_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// watch records every request the pages make outside the origin.
func (b *browser) watch() {
	events := chromedp.Events(b.ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			u := ev.Request.URL
			b.mu.Lock()
			b.seen++
			if !strings.HasPrefix(u, b.origin+"/") && !strings.HasPrefix(u, "data:") {
				b.other = append(b.other, u)
			}
			b.mu.Unlock()
		}
	}()
}

// requests tells how many requests the pages made and which went
// outside the origin.
func (b *browser) requests() (int, []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.seen, slices.Clone(b.other)
}

// stepTimeout bounds each browser action.
const stepTimeout = 20 * time.Second

// run runs one action within stepTimeout.
func run[T any](b *browser, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if _, err := run(b, chromedp.Steps(steps...)); err != nil {
		b.t.Fatal(err)
	}
}

// open loads a path of the server.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.origin + path))
}

// submit runs an action that loads a new page and waits for it; the page
// must answer 200.
func (b *browser) submit(a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	if resp.Status != 200 {
		b.t.Fatalf("%s answered %d", resp.URL, resp.Status)
	}
}

func (b *browser) location() string {
	b.t.Helper()
	loc, err := run(b, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return loc
}

// waitLocation waits (up to stepTimeout) until the page's URL satisfies ok
// and the page is loaded, and returns the URL.
func (b *browser) waitLocation(ok func(string) bool) string {
	b.t.Helper()
	loc := ""
	for end := time.Now().Add(stepTimeout); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		u, err := run(b, chromedp.Location())
		ready, err2 := run(b, chromedp.Evaluate[bool](`document.readyState === "complete"`))
		if loc = u; err == nil && err2 == nil && ok(u) && ready {
			return u
		}
	}
	b.t.Fatalf("still at %s", loc)
	return loc
}

// eval evaluates a JavaScript expression giving a string.
func (b *browser) eval(expr string) string {
	b.t.Helper()
	s, err := run(b, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return s
}

// count counts the elements matching a CSS selector (with JavaScript).
func (b *browser) count(sel string) int {
	b.t.Helper()
	n, err := run(b, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
	if err != nil {
		b.t.Fatal(err)
	}
	return n
}

// symbols lists the data-symbol of the elements matching sel.
func (b *browser) symbols(sel string) []string {
	b.t.Helper()
	s, err := run(b, chromedp.Evaluate[[]string](`[...document.querySelectorAll(`+jsString(sel)+`)].map(e => e.dataset.symbol)`))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// nodes counts the elements matching sel through the DOM domain, which
// works with page scripts disabled.
func (b *browser) nodes(sel string) int {
	b.t.Helper()
	ns, err := run(b, chromedp.Nodes(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
	if err != nil {
		b.t.Fatal(err)
	}
	return len(ns)
}

// nodeSymbols is symbols through the DOM domain.
func (b *browser) nodeSymbols(sel string) []string {
	b.t.Helper()
	all, err := run(b, chromedp.AttributesAll(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
	if err != nil {
		b.t.Fatal(err)
	}
	var out []string
	for _, a := range all {
		out = append(out, a["data-symbol"])
	}
	return out
}

// attr reads an attribute through the DOM domain ("" when absent).
func (b *browser) attr(sel, name string) string {
	b.t.Helper()
	a, err := run(b, chromedp.Attributes(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatal(err)
	}
	return a[name]
}

func (b *browser) desktop() { b.do(chromedp.EmulateViewport(1280, 900)) }
func (b *browser) phone()   { b.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)) }

// shot saves a PNG of the viewport.
func (b *browser) shot(name string) {
	b.t.Helper()
	png, err := run(b, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
