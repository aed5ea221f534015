package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestShutdownFinishesInFlight: a POST whose body is still arriving when
// SIGTERM comes is finished and answered 201, new connections are refused
// meanwhile, the process exits 0, and the document is in the index.
func TestShutdownFinishesInFlight(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := sharedBinary(t)
	data := t.TempDir()
	logs := &syncBuffer{}
	cmd := serveCmd(bin, data)
	base := startServer(t, cmd, logs)
	u, _ := url.Parse(base)

	m := marker("shutdownmk", 1)
	body := crashDocument(1, m) + strings.Repeat("Các cấp ủy tổ chức thực hiện nghiêm túc kế hoạch này.\n", 2000)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/documents HTTP/1.1\r\nHost: %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
		u.Host, len(body))
	half := len(body) / 2
	if _, err := conn.Write([]byte(body[:half])); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the server is reading the body

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitLog(t, logs, "shutting down")
	// new connections are refused soon after shutdown began (the log
	// line comes just before the listener closes)
	refused := false
	for range 40 {
		c, err := net.DialTimeout("tcp", u.Host, time.Second)
		if err != nil {
			refused = true
			break
		}
		c.Close()
		time.Sleep(50 * time.Millisecond)
	}
	if !refused {
		t.Error("new connections are still accepted 2 s after SIGTERM")
	}
	// the rest of the body, slowly
	for i := half; i < len(body); i += len(body) / 8 {
		if _, err := conn.Write([]byte(body[i:min(len(body), i+len(body)/8)])); err != nil {
			t.Fatalf("the in-flight request was cut off: %v; log:\n%s", err, logs)
		}
		time.Sleep(100 * time.Millisecond)
	}
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to the in-flight request: %v; log:\n%s", err, logs)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("in-flight POST: %d, want 201", resp.StatusCode)
	}
	if err, ok := waitExit(cmd, 30*time.Second); !ok || err != nil {
		t.Fatalf("serve after SIGTERM: exit %v (exited: %v); log:\n%s", err, ok, logs)
	}
	if !strings.Contains(logs.String(), "vanban: stopped") {
		t.Errorf("no clean stop in the log:\n%s", logs)
	}
	// the index was closed cleanly: the next process finds the document
	cmd = serveCmd(bin, data)
	base = startServer(t, cmd, &syncBuffer{})
	var res struct{ Total int }
	getJSON(t, base+"/api/v1/search?q="+m, &res)
	if res.Total != 1 {
		t.Errorf("the document posted during shutdown: %d hits, want 1", res.Total)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	waitExit(cmd, 30*time.Second)
}

// waitLog waits until the log holds s.
func waitLog(t *testing.T, logs *syncBuffer, s string) {
	t.Helper()
	for range 100 {
		if strings.Contains(logs.String(), s) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%q never logged:\n%s", s, logs)
}
