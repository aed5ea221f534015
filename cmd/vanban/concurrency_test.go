package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestSearchDuringIngest: searches, citing and deadline queries keep
// answering 200 while two clients POST the corpus' documents as fast as
// the server takes them. Latency is logged, not asserted (shared machine).
func TestSearchDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := sharedBinary(t)
	logs := &syncBuffer{}
	cmd := serveCmd(bin, t.TempDir())
	base := startServer(t, cmd, logs)
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		waitExit(cmd, 30*time.Second)
	})

	files, _ := filepath.Glob("../../corpus/*.txt")
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		lat     []time.Duration
		ingests int
		ids     = map[string]bool{}
	)
	client := &http.Client{Timeout: 30 * time.Second}
	for w := range 2 {
		wg.Go(func() {
			for i := 0; ctx.Err() == nil; i++ {
				// a marker line inside the header makes each copy a new
				// document (trailing lines may be dropped as web chrome)
				text := withMarker(texts[(w+i)%len(texts)], marker("ingestmk", w*100000+i))
				status, id, err := postText(client, base, text)
				if err != nil || status != http.StatusCreated {
					t.Errorf("POST during searches: %d %v", status, err)
					return
				}
				mu.Lock()
				ingests++
				ids[id] = true
				mu.Unlock()
			}
		})
	}
	for c := range 4 {
		wg.Go(func() {
			for i := c; ctx.Err() == nil; i++ {
				r := loadRequests[i%len(loadRequests)]
				req, _ := http.NewRequest(http.MethodGet, base+r.target, nil)
				t0 := time.Now()
				if err := loadDo(client, req); err != nil {
					t.Errorf("%s during ingest: %v", r.kind, err)
					return
				}
				mu.Lock()
				lat = append(lat, time.Since(t0))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(lat) == 0 || ingests == 0 {
		t.Fatalf("%d reads and %d ingests: nothing ran concurrently", len(lat), ingests)
	}
	slices.Sort(lat)
	t.Logf("%d reads during %d ingests: p50 %s, p99 %s, max %s", len(lat), ingests,
		quantile(lat, 0.5), quantile(lat, 0.99), lat[len(lat)-1])
	var health struct{ Documents int }
	getJSON(t, base+"/healthz", &health)
	if len(ids) != ingests || health.Documents != 5+ingests {
		t.Errorf("healthz: %d documents, want %d (%d distinct ids acknowledged)", health.Documents, 5+ingests, len(ids))
	}
	for id := range ids {
		var doc map[string]any
		getJSON(t, base+"/api/v1/documents/"+id, &doc)
	}
}

// TestLoadCommand runs `vanban load` for 3 s against a real server: reads
// and ingests, no errors, a summary per kind.
func TestLoadCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := sharedBinary(t)
	cmd := serveCmd(bin, t.TempDir())
	base := startServer(t, cmd, &syncBuffer{})
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		waitExit(cmd, 30*time.Second)
	})
	var out bytes.Buffer
	err := runLoad([]string{"--addr", base, "--duration", "3s", "--clients", "4", "--ingest-every", "5"}, &out)
	t.Logf("\n%s", out.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"requests/s, 0 errors", "search ", "citing ", "ingest ", "p99 ms"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
}

// TestLoadRefusesNonLoopback: the load generator only targets this
// machine, and validates its bounds.
func TestLoadRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"http://10.0.0.1:8080", "http://example.com", "http://0.0.0.0:8080", "ftp://127.0.0.1", "127.0.0.1:8080"} {
		if _, err := checkLoopback(addr); err == nil {
			t.Errorf("%s accepted", addr)
		}
	}
	for _, addr := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080/", "http://127.0.0.2:9"} {
		if _, err := checkLoopback(addr); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	for _, args := range [][]string{{"--duration", "0s"}, {"--duration", "11m"}, {"--clients", "0"}, {"--ingest-every", "-1"}, {"extra"}} {
		if err := runLoad(append([]string{"--addr", "http://127.0.0.1:1"}, args...), &bytes.Buffer{}); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

// withMarker inserts a line holding m after the fifth line of text.
func withMarker(text, m string) string {
	at := 0
	for range 5 {
		i := strings.IndexByte(text[at:], '\n')
		if i < 0 {
			break
		}
		at += i + 1
	}
	return text[:at] + m + "\n" + text[at:]
}
