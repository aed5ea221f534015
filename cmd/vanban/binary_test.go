package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// The hardening tests (crash, shutdown, concurrency, load) share one build
// of the binary.
var shared struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// sharedBinary builds the binary once per test process.
func sharedBinary(t *testing.T) string {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "vanban-bin-")
		if shared.err != nil {
			return
		}
		shared.bin = shared.dir + "/vanban"
		out, err := exec.Command(goTool(), "build", "-o", shared.bin, ".").CombinedOutput()
		if err != nil {
			shared.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.bin
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

// serveCmd is `vanban serve` on data and a free loopback port, writes open
// to loopback.
func serveCmd(bin, data string) *exec.Cmd {
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data, "--corpus", "../../corpus")
	cmd.Env = append(os.Environ(), "VANBAN_TOKEN=")
	return cmd
}

// postText posts a text document; it returns the status and the id of a
// 201.
func postText(client *http.Client, base, text string) (int, string, error) {
	resp, err := client.Post(base+"/api/v1/documents", "text/plain; charset=utf-8", strings.NewReader(text))
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	var body struct{ ID string }
	if resp.StatusCode == http.StatusCreated {
		if err := decodeJSON(resp, &body); err != nil {
			return resp.StatusCode, "", err
		}
	}
	return resp.StatusCode, body.ID, nil
}

// waitExit waits for cmd to exit, at most d.
func waitExit(cmd *exec.Cmd, d time.Duration) (error, bool) {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err, true
	case <-time.After(d):
		return nil, false
	}
}

// marker is a word made of letters only, unique to n (the analyzers
// keep it whole).
func marker(prefix string, n int) string {
	var b strings.Builder
	b.WriteString(prefix)
	for range 6 {
		b.WriteByte(byte('a' + n%26))
		n /= 26
	}
	return b.String()
}
