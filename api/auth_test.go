package api

import (
	"net/http"
	"strings"
	"testing"
)

const planText = "KẾ HOẠCH\nsơ kết Kết luận số 62-KL/TW của Bộ Chính trị\n"

func post(remote, auth string) req {
	h := map[string]string{"Content-Type": "text/plain"}
	if auth != "" {
		h["Authorization"] = auth
	}
	return req{method: http.MethodPost, target: "/api/v1/documents", body: strings.NewReader(planText), header: h, remote: remote}
}

// Without a token, only loopback peers may write; reads stay open.
func TestWritesWithoutTokenOnlyFromLoopback(t *testing.T) {
	f := newFixture(t, Config{})
	for _, remote := range []string{"127.0.0.1:5000", "[::1]:5000", "127.8.9.10:1"} {
		if rec := f.do(t, post(remote, "")); rec.Code != http.StatusCreated {
			t.Errorf("POST from %s: %d", remote, rec.Code)
		}
	}
	for _, remote := range []string{"192.0.2.1:1234", "10.1.2.3:80", "[2001:db8::1]:443", "garbage"} {
		wantError(t, f.do(t, post(remote, "")), http.StatusForbidden, "forbidden")
		del := req{method: http.MethodDelete, target: "/api/v1/documents/0123456789abcdef", remote: remote}
		wantError(t, f.do(t, del), http.StatusForbidden, "forbidden")
		ext := post(remote, "")
		ext.target = "/api/v1/extract"
		wantError(t, f.do(t, ext), http.StatusForbidden, "forbidden")
	}
	if rec := f.do(t, req{target: "/api/v1/search?q=ket+luan", remote: "192.0.2.1:1234"}); rec.Code != 200 {
		t.Errorf("read from a remote peer: %d", rec.Code)
	}
	if n := count(t, f); n != 1 {
		t.Errorf("%d documents, want 1 (the same text posted three times)", n)
	}
}

// With a token, every write needs it, from any peer, loopback included.
func TestWritesNeedToken(t *testing.T) {
	f := newFixture(t, Config{Token: "s3cret-token"})
	for _, auth := range []string{"", "Bearer", "Bearer wrong", "Basic czNjcmV0LXRva2Vu", "bearer s3cret-token", "Bearer s3cret-token-longer"} {
		rec := f.do(t, post("127.0.0.1:1", auth))
		wantError(t, rec, http.StatusUnauthorized, "unauthorized")
		if !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("401 without WWW-Authenticate")
		}
	}
	if n := count(t, f); n != 0 {
		t.Fatalf("refused writes stored %d documents", n)
	}
	rec := f.do(t, post("203.0.113.5:999", "Bearer s3cret-token"))
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST with the token: %d %s", rec.Code, rec.Body.String())
	}
	id := decode[CreatedResponse](t, rec).ID
	wantError(t, f.do(t, req{method: http.MethodDelete, target: "/api/v1/documents/" + id}), http.StatusUnauthorized, "unauthorized")
	del := f.do(t, req{method: http.MethodDelete, target: "/api/v1/documents/" + id, remote: "203.0.113.5:1",
		header: map[string]string{"Authorization": "Bearer s3cret-token"}})
	if del.Code != http.StatusNoContent {
		t.Errorf("DELETE with the token: %d", del.Code)
	}
}

func TestTokenEqual(t *testing.T) {
	if !tokenEqual("abc", "abc") || tokenEqual("abc", "abd") || tokenEqual("", "abc") || tokenEqual("abcd", "abc") {
		t.Error("tokenEqual")
	}
}
