package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"vanban/extract"
	"vanban/index"
)

// funcs are the template functions.
var funcs = template.FuncMap{
	"date":      viDate,
	"when":      when,
	"relation":  relationLabel,
	"section":   sectionLabel,
	"precision": precisionLabel,
	"refLabel":  refLabel,
	"docURL":    docURL,
	"citedURL":  citedURL,
	"trunc":     trunc,
	"add":       func(a, b int) int { return a + b },
}

// str is the text of a string or of a named string type (extract.Str).
func str(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case extract.Str:
		return string(s)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// viDate writes an ISO date the Vietnamese way: "29/08/2014", "08/2014".
func viDate(v any) string {
	iso := str(v)
	switch {
	case len(iso) == 10 && iso[4] == '-' && iso[7] == '-':
		return iso[8:] + "/" + iso[5:7] + "/" + iso[:4]
	case len(iso) == 7 && iso[4] == '-':
		return iso[5:] + "/" + iso[:4]
	}
	return iso
}

// when is the period of a deadline: one date, or "start – end".
func when(d *extract.Deadline) string {
	if d == nil {
		return ""
	}
	if d.End == "" || d.End == d.Start {
		return viDate(d.Start)
	}
	return viDate(d.Start) + " – " + viDate(d.End)
}

var relations = map[string]string{
	extract.RelBasis:      "Căn cứ",
	extract.RelImplements: "Thực hiện",
	extract.RelReviews:    "Sơ kết, tổng kết",
	extract.RelContinues:  "Tiếp tục thực hiện",
	extract.RelReplaces:   "Thay thế",
	extract.RelAmends:     "Sửa đổi, bổ sung",
	extract.RelAttachedTo: "Ban hành kèm theo",
	extract.RelCites:      "Dẫn chiếu",
}

// relationOrder is the order of the relation filter.
var relationOrder = []string{
	extract.RelBasis, extract.RelImplements, extract.RelReviews, extract.RelContinues,
	extract.RelReplaces, extract.RelAmends, extract.RelAttachedTo, extract.RelCites,
}

func relationLabel(rel string) string {
	if l, ok := relations[rel]; ok {
		return l
	}
	return rel
}

var sectionKinds = map[string]string{
	extract.SectionPurpose:        "Mục đích, yêu cầu",
	extract.SectionContent:        "Nội dung",
	extract.SectionOrganization:   "Tổ chức thực hiện",
	extract.SectionTimeline:       "Thời gian, tiến độ",
	extract.SectionForm:           "Hình thức",
	extract.SectionRecommendation: "Kiến nghị, đề xuất",
	extract.SectionOther:          "",
}

func sectionLabel(kind string) string { return sectionKinds[kind] }

var precisions = map[string]string{
	extract.PrecDay:         "ngày",
	extract.PrecPartOfMonth: "trong tháng",
	extract.PrecMonth:       "tháng",
	extract.PrecQuarter:     "quý",
	extract.PrecPartOfYear:  "trong năm",
	extract.PrecYear:        "năm",
	extract.PrecRange:       "khoảng thời gian",
}

func precisionLabel(p string) string {
	if l, ok := precisions[p]; ok {
		return l
	}
	return p
}

// refLabel names a reference id for people: "Kết luận 62-KL/TW
// (08/12/2009)", "Kết luận 62".
func refLabel(id string) string {
	r, err := index.ParseRef(id)
	if err != nil || r.Name != "" {
		return id
	}
	var parts []string
	if r.Kind != "" {
		parts = append(parts, r.Kind)
	}
	if r.Symbol != "" {
		parts = append(parts, r.Symbol)
	} else {
		parts = append(parts, r.Number)
	}
	s := strings.Join(parts, " ")
	switch {
	case r.Date != "":
		s += " (" + viDate(r.Date) + ")"
	case r.Year > 0 && !strings.Contains(s, "/"+strconv.Itoa(r.Year)):
		s += " (" + strconv.Itoa(r.Year) + ")"
	}
	return s
}

func docURL(id string) string { return "/doc/" + url.PathEscape(id) }

func citedURL(ref string) string { return "/cited?" + url.Values{"ref": {ref}}.Encode() }

// trunc shortens s to n runes, adding "…".
func trunc(n int, v any) string {
	s := str(v)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}
