package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServeBinary builds the real binary, serves a temporary data folder
// on a free port, queries it, stops it with SIGTERM and checks that it
// exits cleanly, leaving an index another process can open.
func TestServeBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildBinary(t)
	data := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data, "--corpus", "../../corpus")
	cmd.Env = append(os.Environ(), "VANBAN_TOKEN=")
	logs := &syncBuffer{}
	base := startServer(t, cmd, logs)

	var health struct{ Documents int }
	getJSON(t, base+"/healthz", &health)
	if health.Documents != 5 {
		t.Fatalf("healthz: %d documents, want the 5 of the corpus", health.Documents)
	}
	var res struct {
		Hits []struct{ Symbol string }
	}
	getJSON(t, base+"/api/v1/search?q=ket+luan+62", &res)
	if len(res.Hits) == 0 || res.Hits[0].Symbol != "123-KH/TU" {
		t.Errorf("ket luan 62: %+v", res.Hits)
	}
	// the web page is served at "/" by the same server
	page, err := http.Get(base + "/?q=ket+luan+62")
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(page.Body)
	page.Body.Close()
	if page.StatusCode != 200 || !strings.Contains(string(html), "123-KH/TU") {
		t.Errorf("web page: %d, 123-KH/TU missing", page.StatusCode)
	}
	resp, err := http.Post(base+"/api/v1/documents", "text/plain; charset=utf-8",
		strings.NewReader("KẾ HOẠCH\nsơ kết Kết luận số 62-KL/TW về công tác zeppelinword\n"))
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST: %v %v", resp, err)
	}
	resp.Body.Close()

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v; log:\n%s", err, logs)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("serve did not stop after SIGTERM; log:\n%s", logs)
	}
	if !strings.Contains(logs.String(), "vanban: stopped") {
		t.Errorf("no clean stop in the log:\n%s", logs)
	}
	out, err := exec.Command(bin, "search", "--data", data, "zeppelinword").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "1 documents match") {
		t.Errorf("the posted document is not in the closed index: %v\n%s", err, out)
	}
}

func buildBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "vanban")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startServer starts cmd and returns its base URL once it serves.
func startServer(t *testing.T, cmd *exec.Cmd, logs *syncBuffer) string {
	t.Helper()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			logs.WriteString(line + "\n")
			if _, rest, ok := strings.Cut(line, "serving on "); ok {
				urls <- strings.Fields(rest)[0]
			}
		}
	}()
	select {
	case u := <-urls:
		waitHealthy(t, u)
		return u
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not start; log:\n%s", logs)
	}
	return ""
}

func waitHealthy(t *testing.T, base string) {
	for range 100 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("/healthz never answered 200")
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// syncBuffer is a buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) WriteString(x string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.WriteString(x)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
