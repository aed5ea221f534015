package index

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"

	"vanban/extract"
)

// Names of the analysis parts, registered with bleve's registry.
const (
	// TokenizerName keeps document symbols whole ("25-NQ/TW", canonical
	// "25-nq/tw" after lowercasing; "58KH/TU" → "58-KH/TU", "09-NQ/TW" →
	// "9-NQ/TW") and otherwise emits runs of letters and digits.
	TokenizerName = "vi_symbol"
	// LinesTokenizerName emits each non-empty line as one token (keyword
	// fields holding several values).
	LinesTokenizerName = "vi_lines"
	// ToneFilterName normalises tone placement (extract.NormalizeTone).
	ToneFilterName = "vi_tone"
	// FoldFilterName folds terms (extract.Fold): no case, no diacritics.
	FoldFilterName = "vi_fold"
	// MarkedFilterName drops plain terms (lower-case ASCII, which folding
	// leaves alone): the exact field needs only the others.
	MarkedFilterName = "vi_marked"

	// AnalyzerVi: exact diacritics, lower case, tone-normalised.
	AnalyzerVi = "vi"
	// AnalyzerFolded: lower case without diacritics.
	AnalyzerFolded = "vi_folded"
	// AnalyzerMarked: AnalyzerVi without plain terms (index side of the
	// exact field; a plain query word is matched folded only).
	AnalyzerMarked = "vi_marked"
	// AnalyzerLines: one token per line, unchanged.
	AnalyzerLines = "vi_lines"
)

func init() {
	must(registry.RegisterTokenizer(TokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return Tokenizer{}, nil
	}))
	must(registry.RegisterTokenizer(LinesTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return LinesTokenizer{}, nil
	}))
	must(registry.RegisterTokenFilter(ToneFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return ToneFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(FoldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return FoldFilter{}, nil
	}))
	must(registry.RegisterAnalyzer(AnalyzerVi, chain(TokenizerName, lowercase.Name, ToneFilterName)))
	must(registry.RegisterTokenFilter(MarkedFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return MarkedFilter{}, nil
	}))
	must(registry.RegisterAnalyzer(AnalyzerFolded, chain(TokenizerName, FoldFilterName)))
	must(registry.RegisterAnalyzer(AnalyzerMarked, chain(TokenizerName, lowercase.Name, ToneFilterName, MarkedFilterName)))
	must(registry.RegisterAnalyzer(AnalyzerLines, chain(LinesTokenizerName)))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// chain builds an analyzer constructor from registered parts.
func chain(tokenizer string, filters ...string) registry.AnalyzerConstructor {
	return func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		t, err := cache.TokenizerNamed(tokenizer)
		if err != nil {
			return nil, err
		}
		a := &analysis.DefaultAnalyzer{Tokenizer: t}
		for _, name := range filters {
			f, err := cache.TokenFilterNamed(name)
			if err != nil {
				return nil, err
			}
			a.TokenFilters = append(a.TokenFilters, f)
		}
		return a, nil
	}
}

// Tokenizer splits text into runs of letters and digits (combining marks
// included), keeping document symbols whole. Offsets are byte offsets into
// the input.
type Tokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	ts := make(analysis.TokenStream, 0, len(input)/6+1)
	toks := make([]analysis.Token, 0, len(input)/6+1) // one allocation for all tokens
	eachToken(input, func(start, end int, term []byte, typ analysis.TokenType) {
		toks = append(toks, analysis.Token{
			Start: start, End: end, Term: term, Position: len(ts) + len(toks) + 1, Type: typ,
		})
		if len(toks) == cap(toks) {
			ts = appendTokens(ts, toks)
			toks = make([]analysis.Token, 0, cap(toks))
		}
	})
	return appendTokens(ts, toks)
}

// eachToken calls fn with each token of text: its offsets, term and
// type (see Tokenizer).
func eachToken(text []byte, fn func(start, end int, term []byte, typ analysis.TokenType)) {
	for i := 0; i < len(text); {
		r, n := decodeRune(text, i)
		if !isWordRune(r) {
			i += n
			continue
		}
		end, term, typ := scanToken(text, i)
		fn(i, end, term, typ)
		i = end
	}
}

func appendTokens(ts analysis.TokenStream, toks []analysis.Token) analysis.TokenStream {
	for k := range toks {
		ts = append(ts, &toks[k])
	}
	return ts
}

// scanToken reads the token at input[i]: a symbol, else a word.
func scanToken(input []byte, i int) (int, []byte, analysis.TokenType) {
	if isDigit(input[i]) {
		if end, sym, ok := scanSymbol(input, i); ok {
			return end, symbolTerm(input[i:end], sym), analysis.AlphaNumeric
		}
	}
	end, digits := i, true
	for end < len(input) {
		r, n := decodeRune(input, end)
		if !isWordRune(r) {
			break
		}
		digits = digits && r < utf8.RuneSelf && isDigit(byte(r))
		end += n
	}
	typ := analysis.AlphaNumeric
	if digits {
		typ = analysis.Numeric
	}
	return end, input[i:end:end], typ
}

// symbolTerm is the term of a symbol: its canonical spelling with the
// number's leading zeros dropped; the written bytes when they are that.
func symbolTerm(written []byte, sym symbol) []byte {
	canon := sym.canon
	if t := trimZeros(sym.number); t != sym.number {
		canon = t + canon[len(sym.number):]
	}
	if string(written) == canon {
		return written[:len(written):len(written)]
	}
	return []byte(canon)
}

// decodeRune decodes the rune at b[i] with an ASCII fast path.
func decodeRune(b []byte, i int) (rune, int) {
	if c := b[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(b[i:])
}

// isWordRune reports whether r belongs to a token: letters, digits and
// combining marks.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	case 0x1EA0 <= r && r <= 0x1EFF: // Vietnamese letters
		return true
	case 0x00C0 <= r && r <= 0x024F: // Latin letters, but × and ÷
		return r != 0xD7 && r != 0xF7
	case 0x0300 <= r && r <= 0x036F: // combining marks
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// LinesTokenizer emits each non-empty line of the input as one token.
type LinesTokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (LinesTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var ts analysis.TokenStream
	for start := 0; start < len(input); {
		end := bytes.IndexByte(input[start:], '\n')
		if end < 0 {
			end = len(input)
		} else {
			end += start
		}
		if end > start {
			ts = append(ts, &analysis.Token{
				Start: start, End: end, Term: input[start:end:end],
				Position: len(ts) + 1, Type: analysis.AlphaNumeric,
			})
		}
		start = end + 1
	}
	return ts
}

// ToneFilter normalises the tone placement of each term.
type ToneFilter struct{}

// Filter implements analysis.TokenFilter.
func (ToneFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		t.Term = extract.NormalizeToneBytes(t.Term)
	}
	return ts
}

// FoldFilter folds each term: lower case, no diacritics, đ → d. Offsets
// are left alone, so they still point at the original text. Tokens made
// only of combining marks fold to nothing and are dropped.
type FoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (FoldFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	var buf []byte
	empty := false
	for _, t := range ts {
		if plain(t.Term) {
			continue
		}
		if buf == nil {
			buf = make([]byte, 0, 4096)
		}
		start := len(buf)
		buf = extract.AppendFold(buf, t.Term)
		t.Term = buf[start:len(buf):len(buf)]
		empty = empty || len(t.Term) == 0
	}
	if empty {
		ts = slices.DeleteFunc(ts, func(t *analysis.Token) bool { return len(t.Term) == 0 })
	}
	return ts
}

// MarkedFilter drops the plain tokens (see plain).
type MarkedFilter struct{}

// Filter implements analysis.TokenFilter.
func (MarkedFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	return slices.DeleteFunc(ts, func(t *analysis.Token) bool { return plain(t.Term) })
}

// plain reports whether folding leaves b as it is because it is
// lower-case ASCII.
func plain(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
