package extract

import "errors"

// MaxInputSize is the largest input Extract accepts.
const MaxInputSize = 20 << 20

// Errors returned by Extract for input it refuses to read.
var (
	ErrTooLarge = errors.New("extract: input larger than 20 MB")
	ErrBinary   = errors.New("extract: input is not text (binary data)")
	ErrEmpty    = errors.New("extract: input is empty")
)

// Extract reads one document (raw bytes, UTF-8 expected) and returns its
// structure and the normalised text that the spans point into.
func Extract(raw []byte) (*Document, string, error) {
	return &Document{}, string(raw), nil // TODO: replaced by the real pipeline
}
