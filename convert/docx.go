package convert

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// maxPart bounds the uncompressed size of one part read from a .docx, so
// that a zip bomb is an error and not an out-of-memory crash.
const maxPart = 512 << 20

// Namespaces of WordprocessingML (transitional and strict) and of markup
// compatibility.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// isEncryptedOOXML tells a password-protected .docx: an OLE2 container
// with an EncryptedPackage stream.
func isEncryptedOOXML(raw []byte) bool {
	return bytes.Contains(raw, utf16le("EncryptedPackage")) || bytes.Contains(raw, utf16le("EncryptionInfo"))
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

func convertDocx(raw []byte, enc string) (Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return Result{}, corrupt("not a readable .docx (zip): %v", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	mainPart := "word/document.xml"
	if files[mainPart] == nil {
		mainPart = officeDocumentPart(files)
	}
	if files[mainPart] == nil {
		return Result{}, corrupt("zip archive without word/document.xml: not a Word .docx")
	}
	doc, err := readPart(files[mainPart])
	if err != nil {
		return Result{}, err
	}
	dir := path.Dir(mainPart)
	num := &numbering{}
	if f := files[dir+"/numbering.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			num = parseNumbering(b) // broken numbering loses list labels, not the text
		}
	}
	if f := files[dir+"/styles.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			num.styles = parseStyleNumbering(b)
		}
	}
	text, err := docxText(doc, num)
	if err != nil {
		return Result{}, err
	}
	force := ""
	if enc == EncTCVN3 || enc == EncVNI {
		force = enc
	}
	text, used := repairText(text, EncUTF8, force)
	return Result{Text: text, Encoding: used}, nil
}

// officeDocumentPart finds the main part through _rels/.rels.
func officeDocumentPart(files map[string]*zip.File) string {
	f := files["_rels/.rels"]
	if f == nil {
		return ""
	}
	b, err := readPart(f)
	if err != nil {
		return ""
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(b, &rels) != nil {
		return ""
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.ToLower(strings.TrimPrefix(path.Clean("/"+r.Target), "/"))
		}
	}
	return ""
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, corrupt("cannot open %s in the .docx: %v", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, corrupt("cannot read %s in the .docx: %v", f.Name, err)
	}
	if len(b) > maxPart {
		return nil, corrupt("%s in the .docx is larger than %d MiB uncompressed", f.Name, maxPart>>20)
	}
	return b, nil
}

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || isW(a.Name)) {
			return a.Value, true
		}
	}
	return "", false
}

// docx reading state: paragraphs nest (text boxes) and so do tables.
type docxPara struct {
	b            strings.Builder
	numID, ilvl  int
	style        string
	numIDPresent bool
}

type docxTable struct {
	row  []string
	cell []string
}

func docxText(doc []byte, num *numbering) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	var (
		out    []string
		paras  []*docxPara
		tables []*docxTable
		stack  []xml.Name
		skip   = 0 // depth of a skipped subtree, 0 = not skipping
		inText = false
		inRun  = 0
		inPPr  = 0
	)
	emit := func(line string) {
		if len(tables) > 0 {
			t := tables[len(tables)-1]
			t.cell = append(t.cell, line)
			return
		}
		out = append(out, line)
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", corrupt("word/document.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip = 1
				continue
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom", "instrText", "delText", "rPr", "footnoteReference", "endnoteReference", "commentReference":
				skip = 1
			case "p":
				paras = append(paras, &docxPara{})
			case "pPr":
				inPPr++
			case "pStyle":
				if inPPr > 0 && len(paras) > 0 {
					paras[len(paras)-1].style, _ = attr(t, "val")
				}
			case "numId":
				if inPPr > 0 && len(paras) > 0 {
					v, _ := attr(t, "val")
					p := paras[len(paras)-1]
					p.numID, _ = strconv.Atoi(v)
					p.numIDPresent = true
				}
			case "ilvl":
				if inPPr > 0 && len(paras) > 0 {
					v, _ := attr(t, "val")
					paras[len(paras)-1].ilvl, _ = strconv.Atoi(v)
				}
			case "r":
				inRun++
			case "t":
				inText = inRun > 0 || len(paras) > 0
			case "tab":
				if inRun > 0 && len(paras) > 0 {
					paras[len(paras)-1].b.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 && len(paras) > 0 {
					if v, _ := attr(t, "type"); v == "page" || v == "column" {
						paras[len(paras)-1].b.WriteByte(' ')
					} else {
						paras[len(paras)-1].b.WriteByte('\n')
					}
				}
			case "noBreakHyphen":
				if len(paras) > 0 {
					paras[len(paras)-1].b.WriteByte('-')
				}
			case "sym":
				if v, ok := attr(t, "char"); ok && len(paras) > 0 {
					if c, err := strconv.ParseUint(v, 16, 32); err == nil {
						paras[len(paras)-1].b.WriteString(symbolText(rune(c)))
					}
				}
			case "tbl":
				tables = append(tables, &docxTable{})
			case "tc":
				if len(tables) > 0 {
					tables[len(tables)-1].cell = nil
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if skip > 0 {
				skip--
				continue
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "r":
				if inRun > 0 {
					inRun--
				}
			case "pPr":
				if inPPr > 0 {
					inPPr--
				}
			case "p":
				if len(paras) == 0 {
					continue
				}
				p := paras[len(paras)-1]
				paras = paras[:len(paras)-1]
				emit(num.label(p) + p.b.String())
			case "tc":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					cell := strings.Join(tb.cell, " ")
					cell = strings.Join(strings.Fields(cell), " ")
					tb.row = append(tb.row, cell)
					tb.cell = nil
				}
			case "tr":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					row := strings.Join(tb.row, "\t")
					tb.row = nil
					if len(tables) > 1 {
						// a nested table: its rows are text of the outer cell
						outer := tables[len(tables)-2]
						outer.cell = append(outer.cell, row)
					} else {
						out = append(out, row)
					}
				}
			case "tbl":
				if len(tables) > 0 {
					tables = tables[:len(tables)-1]
				}
			}
		case xml.CharData:
			if skip == 0 && inText && len(paras) > 0 {
				paras[len(paras)-1].b.Write(t)
			}
		}
	}
	if len(out) == 0 && len(paras) == 0 && !bytes.Contains(doc, []byte("body")) {
		return "", corrupt("word/document.xml has no document body")
	}
	for _, p := range paras { // unclosed paragraphs of a cut-off file
		out = append(out, p.b.String())
	}
	return strings.Join(out, "\n"), nil
}

// symbolText renders a w:sym character: Symbol-font bullets and arrows
// sit in the private use area.
func symbolText(r rune) string {
	if r >= 0xF000 && r <= 0xF0FF {
		r -= 0xF000
	}
	switch r {
	case 0xB7, 0xA7, 0x6C, 0x6E, 0x71, 0x75, 0x76, 0xA8:
		return "•"
	case 0xD8, 0xE0, 0xE8, 0xF0:
		return "➢"
	case 0xFC:
		return "✓"
	}
	if r < 0x20 {
		return ""
	}
	return string(r)
}

// numbering holds word/numbering.xml: list formats and running counters.
type numbering struct {
	abstract map[int]map[int]*numLevel // abstractNumId → ilvl → level
	nums     map[int]numInstance       // numId → instance
	counters map[int]map[int]int       // abstractNumId → ilvl → current value
	started  map[int]bool              // numIds whose overrides were applied
	styles   map[string][2]int         // styleId → numId, ilvl
}

type numLevel struct {
	start   int
	format  string
	text    string
	suffix  string
	started bool
}

type numInstance struct {
	abstract  int
	overrides map[int]int // ilvl → start override
}

func parseNumbering(b []byte) *numbering {
	n := &numbering{abstract: map[int]map[int]*numLevel{}, nums: map[int]numInstance{},
		counters: map[int]map[int]int{}, started: map[int]bool{}}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	var (
		curAbs   = -1
		curLvl   *numLevel
		curNum   = -1
		curOvLvl = -1
	)
	for {
		tok, err := d.Token()
		if err != nil {
			return n
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				continue
			}
			v, _ := attr(t, "val")
			iv, _ := strconv.Atoi(v)
			switch t.Name.Local {
			case "abstractNum":
				s, _ := attr(t, "abstractNumId")
				curAbs, _ = strconv.Atoi(s)
				n.abstract[curAbs] = map[int]*numLevel{}
				curNum = -1
			case "num":
				s, _ := attr(t, "numId")
				curNum, _ = strconv.Atoi(s)
				n.nums[curNum] = numInstance{overrides: map[int]int{}}
				curAbs = -1
			case "lvl":
				s, _ := attr(t, "ilvl")
				il, _ := strconv.Atoi(s)
				if curAbs >= 0 && curNum < 0 {
					curLvl = &numLevel{start: 1, format: "decimal", suffix: "tab"}
					n.abstract[curAbs][il] = curLvl
				}
			case "start":
				if curLvl != nil {
					curLvl.start = iv
				}
			case "numFmt":
				if curLvl != nil {
					curLvl.format = v
				}
			case "lvlText":
				if curLvl != nil {
					curLvl.text = v
				}
			case "suff":
				if curLvl != nil {
					curLvl.suffix = v
				}
			case "abstractNumId":
				if curNum >= 0 {
					inst := n.nums[curNum]
					inst.abstract = iv
					n.nums[curNum] = inst
				}
			case "lvlOverride":
				s, _ := attr(t, "ilvl")
				curOvLvl, _ = strconv.Atoi(s)
			case "startOverride":
				if curNum >= 0 && curOvLvl >= 0 {
					n.nums[curNum].overrides[curOvLvl] = iv
				}
			}
		case xml.EndElement:
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "lvl":
				curLvl = nil
			case "abstractNum":
				curAbs = -1
			case "num":
				curNum = -1
			case "lvlOverride":
				curOvLvl = -1
			}
		}
	}
}

// parseStyleNumbering reads the numbering paragraph styles carry.
func parseStyleNumbering(b []byte) map[string][2]int {
	var styles struct {
		Style []struct {
			ID    string `xml:"styleId,attr"`
			NumID *struct {
				Val int `xml:"val,attr"`
			} `xml:"pPr>numPr>numId"`
			Ilvl *struct {
				Val int `xml:"val,attr"`
			} `xml:"pPr>numPr>ilvl"`
		} `xml:"style"`
	}
	if xml.Unmarshal(b, &styles) != nil {
		return nil
	}
	m := map[string][2]int{}
	for _, s := range styles.Style {
		if s.NumID != nil {
			lvl := 0
			if s.Ilvl != nil {
				lvl = s.Ilvl.Val
			}
			m[s.ID] = [2]int{s.NumID.Val, lvl}
		}
	}
	return m
}

// label renders the list label of a paragraph and advances the counters.
func (n *numbering) label(p *docxPara) string {
	if n == nil || n.nums == nil {
		return ""
	}
	numID, ilvl := p.numID, p.ilvl
	if !p.numIDPresent {
		s, ok := n.styles[p.style]
		if !ok {
			return ""
		}
		numID, ilvl = s[0], s[1]
	}
	inst, ok := n.nums[numID]
	if !ok || numID == 0 {
		return ""
	}
	levels := n.abstract[inst.abstract]
	lvl := levels[ilvl]
	if lvl == nil {
		return ""
	}
	cnt := n.counters[inst.abstract]
	if cnt == nil {
		cnt = map[int]int{}
		n.counters[inst.abstract] = cnt
	}
	if !n.started[numID] {
		n.started[numID] = true
		for l, v := range inst.overrides {
			cnt[l] = v - 1
			if lv := levels[l]; lv != nil {
				lv.started = true
			}
		}
	}
	if !lvl.started {
		lvl.started = true
		if _, ok := cnt[ilvl]; !ok {
			cnt[ilvl] = lvl.start - 1
		}
	}
	cnt[ilvl]++
	for l, lv := range levels { // deeper levels restart
		if l > ilvl {
			delete(cnt, l)
			lv.started = false
		}
	}
	var b strings.Builder
	text := lvl.text
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			v, ok := cnt[l]
			if !ok {
				v = 1
				if lv := levels[l]; lv != nil {
					v = lv.start
				}
			}
			f := "decimal"
			if lv := levels[l]; lv != nil {
				f = lv.format
			}
			b.WriteString(formatNum(v, f))
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	label := b.String()
	if lvl.format == "bullet" {
		label = bulletText(label)
	}
	if lvl.format == "none" && !strings.Contains(lvl.text, "%") {
		label = lvl.text
	}
	if label == "" {
		return ""
	}
	switch lvl.suffix {
	case "space":
		return label + " "
	case "nothing":
		return label
	}
	return label + "\t"
}

func bulletText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0xF000 && r <= 0xF0FF || r < 0x20 {
			b.WriteString(symbolText(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// formatNum renders a list counter in a numFmt.
func formatNum(v int, format string) string {
	switch format {
	case "upperRoman":
		return roman(v)
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperLetter":
		return letters(v, 'A')
	case "lowerLetter":
		return letters(v, 'a')
	case "decimalZero":
		if v < 10 && v >= 0 {
			return "0" + strconv.Itoa(v)
		}
	case "bullet", "none":
		return ""
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

// letters renders 1 → a, 26 → z, 27 → aa (Word's style).
func letters(v int, a byte) string {
	if v <= 0 {
		return strconv.Itoa(v)
	}
	c := string(rune(a) + rune((v-1)%26))
	return strings.Repeat(c, (v-1)/26+1)
}
