package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"strings"

	"github.com/gin-gonic/gin"
)

// requireWrite guards POST and DELETE routes: with a token configured the
// request needs "Authorization: Bearer TOKEN" (compared in constant time,
// on SHA-256 digests so that the length leaks nothing either); without
// one, only loopback peers may write.
func (s *Server) requireWrite(c *gin.Context) {
	if s.cfg.Token == "" {
		if !isLoopback(c.Request.RemoteAddr) {
			s.fail(c, ErrForbidden)
		}
		return
	}
	got, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok || !tokenEqual(strings.TrimSpace(got), s.cfg.Token) {
		s.fail(c, ErrUnauthorized)
	}
}

func tokenEqual(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}
