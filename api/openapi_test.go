package api

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every registered gin route is in /openapi.json and every operation of
// /openapi.json is registered.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.get(t, "/openapi.json", 200)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var documented []string
	for path, item := range doc.Paths {
		gin := ginPattern(path)
		if raw, ok := item["x-gin-path"]; ok {
			json.Unmarshal(raw, &gin)
		}
		for method, op := range item {
			if strings.HasPrefix(method, "x-") || method == "parameters" {
				continue
			}
			documented = append(documented, strings.ToUpper(method)+" "+gin)
			checkOperation(t, path, method, op)
		}
	}
	var registered []string
	for _, r := range f.srv.engine.Routes() {
		registered = append(registered, r.Method+" "+r.Path)
	}
	slices.Sort(documented)
	slices.Sort(registered)
	if !slices.Equal(documented, registered) {
		t.Errorf("OpenAPI and routes differ:\ndocumented %v\nregistered %v", documented, registered)
	}
}

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// ginPattern turns an OpenAPI template into a gin pattern.
func ginPattern(path string) string {
	return pathParam.ReplaceAllString(path, ":$1")
}

// checkOperation: path parameters are declared, responses given.
func checkOperation(t *testing.T, path, method string, raw json.RawMessage) {
	var op struct {
		Parameters []struct{ Name, In string } `json:"parameters"`
		Responses  map[string]json.RawMessage  `json:"responses"`
	}
	if err := json.Unmarshal(raw, &op); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	if len(op.Responses) == 0 {
		t.Errorf("%s %s: no responses", method, path)
	}
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		if !slices.ContainsFunc(op.Parameters, func(p struct{ Name, In string }) bool { return p.Name == m[1] && p.In == "path" }) {
			t.Errorf("%s %s: path parameter %s not declared", method, path, m[1])
		}
	}
}

// /healthz and /metrics report the server's state.
func TestHealthAndMetrics(t *testing.T) {
	f := newFixture(t, Config{}, "../corpus/ke-hoach-123-KH-TU-tinh-uy-2014.txt")
	h := decode[map[string]any](t, f.get(t, "/healthz", 200))
	if h["status"] != "ok" || h["documents"] != float64(1) {
		t.Errorf("healthz %v", h)
	}
	f.get(t, "/api/v1/search?q=ket+luan", 200)
	f.do(t, req{target: "/api/v1/search?page=0"})
	f.do(t, req{target: "/nowhere"})
	if rec := f.postText(t, "/api/v1/documents", planText); rec.Code != http.StatusCreated {
		t.Fatal(rec.Code)
	}
	body := f.get(t, "/metrics", 200).Body.String()
	for _, want := range []string{
		`vanban_http_requests_total{method="GET",route="/api/v1/search",status="200"} 1`,
		`vanban_http_requests_total{method="GET",route="/api/v1/search",status="400"} 1`,
		`vanban_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`vanban_http_request_duration_seconds_count{method="GET",route="/api/v1/search",status="200"} 1`,
		`vanban_documents_indexed 2`,
		`vanban_documents_added_total 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// Config.Web serves what no route matches, never under /api/.
func TestWebMount(t *testing.T) {
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>page " + r.Method + " " + r.URL.Path))
	})
	f := newFixture(t, Config{Web: page})
	if body := f.get(t, "/doc/0123456789abcdef", 200).Body.String(); body != "<p>page GET /doc/0123456789abcdef" {
		t.Errorf("web page: %q", body)
	}
	if rec := f.do(t, req{method: http.MethodPost, target: "/upload"}); rec.Code != 200 {
		t.Errorf("POST /upload: %d", rec.Code)
	}
	wantError(t, f.do(t, req{target: "/api/v1/nothing"}), http.StatusNotFound, "not_found")
	if !strings.Contains(f.get(t, "/metrics", 200).Body.String(), `route="web",status="200"`) {
		t.Error("web requests not counted as route web")
	}
}
