package api

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPI describes every route (TestOpenAPIMatchesRoutes keeps it so).
// A path whose gin pattern differs from its OpenAPI template names the
// pattern in "x-gin-path" (the citing route is a catch-all, since
// references hold "/").
//
//go:embed openapi.json
var openAPI []byte

// handleOpenAPI: GET /openapi.json — the OpenAPI 3 document.
func handleOpenAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", openAPI)
}
