package extract

import (
	"strings"
	"unicode"
)

// Issuer names arrive in capitals from the header ("THÀNH UỶ HẢI PHÒNG")
// or as written in the body. normalizeIssuer writes them the usual way,
// with canonical tone placement: "Thành ủy Hải Phòng".

type orgPhrase struct {
	pat, proper string
	unit        bool // a place name may follow: title-case the rest
	field       bool // a field name follows: capitalise its first word
}

var orgPhrases = []orgPhrase{
	{pat: "uy ban nhan dan", proper: "Ủy ban nhân dân"},
	{pat: "hoi dong nhan dan", proper: "Hội đồng nhân dân"},
	{pat: "ban chap hanh trung uong dang", proper: "Ban Chấp hành Trung ương Đảng"},
	{pat: "ban chap hanh trung uong", proper: "Ban Chấp hành Trung ương"},
	{pat: "ban chap hanh dang bo", proper: "Ban Chấp hành Đảng bộ", unit: true},
	{pat: "ban thuong vu", proper: "Ban Thường vụ"},
	{pat: "ban can su dang", proper: "Ban cán sự đảng"},
	{pat: "bo chinh tri", proper: "Bộ Chính trị"},
	{pat: "ban bi thu", proper: "Ban Bí thư"},
	{pat: "mat tran to quoc viet nam", proper: "Mặt trận Tổ quốc Việt Nam"},
	{pat: "trung uong", proper: "Trung ương"},
	{pat: "chinh phu", proper: "Chính phủ"},
	{pat: "thu tuong", proper: "Thủ tướng"},
	{pat: "quoc hoi", proper: "Quốc hội"},
	{pat: "tinh uy", proper: "Tỉnh ủy", unit: true},
	{pat: "thanh uy", proper: "Thành ủy", unit: true},
	{pat: "huyen uy", proper: "Huyện ủy", unit: true},
	{pat: "quan uy", proper: "Quận ủy", unit: true},
	{pat: "thi uy", proper: "Thị ủy", unit: true},
	{pat: "dang uy", proper: "Đảng ủy", unit: true},
	{pat: "dang bo", proper: "Đảng bộ", unit: true},
	{pat: "dang doan", proper: "Đảng đoàn", field: true},
	{pat: "thanh pho", proper: "thành phố", unit: true},
	{pat: "thi xa", proper: "thị xã", unit: true},
	{pat: "thi tran", proper: "thị trấn", unit: true},
	{pat: "tinh", proper: "tỉnh", unit: true},
	{pat: "huyen", proper: "huyện", unit: true},
	{pat: "quan", proper: "quận", unit: true},
	{pat: "phuong", proper: "phường", unit: true},
	{pat: "xa", proper: "xã", unit: true},
	{pat: "van phong", proper: "Văn phòng", field: true},
	{pat: "ban", proper: "Ban", field: true},
	{pat: "so", proper: "Sở", field: true},
	{pat: "bo", proper: "Bộ", field: true},
	{pat: "cuc", proper: "Cục", field: true},
	{pat: "tong cuc", proper: "Tổng cục", field: true},
	{pat: "vu", proper: "Vụ", field: true},
	{pat: "hoi", proper: "Hội", field: true},
	{pat: "phong", proper: "Phòng", field: true},
	{pat: "truong", proper: "Trường", field: true},
	{pat: "vien", proper: "Viện", field: true},
	{pat: "cong an", proper: "Công an", unit: true},
	{pat: "toa an nhan dan", proper: "Tòa án nhân dân", unit: true},
	{pat: "vien kiem sat nhan dan", proper: "Viện kiểm sát nhân dân", unit: true},
	{pat: "ubnd", proper: "Ủy ban nhân dân"},
	{pat: "hdnd", proper: "Hội đồng nhân dân"},
}

// normalizeIssuer rewrites an issuer name in the usual case with
// canonical tones; names already in mixed case only get their tones
// made canonical.
func normalizeIssuer(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,;:.*-"))
	if s == "" {
		return ""
	}
	if !isUpperLine(s) {
		return NormalizeTone(s)
	}
	words := strings.Fields(strings.ToLower(s))
	var out []string
	mode := 0 // 0 plain, 1 title-case the rest, 2 capitalise next word
	for i := 0; i < len(words); {
		if p, n := phraseAt(words, i); n > 0 {
			out = append(out, p.proper)
			i += n
			switch {
			case p.unit:
				mode = 1
			case p.field:
				mode = 2
			}
			continue
		}
		w := words[i]
		switch {
		case mode == 1 || len(out) == 0:
			w = titleWord(w)
		case mode == 2:
			w = titleWord(w)
			mode = 3
		case mode == 3 && i > 0 && words[i-1] == "và":
			w = titleWord(w)
		}
		out = append(out, w)
		i++
	}
	res := strings.Join(out, " ")
	if res != "" {
		r := firstRune(res)
		res = string(unicode.ToUpper(r)) + res[len(string(r)):]
	}
	return NormalizeTone(res)
}

func phraseAt(words []string, i int) (orgPhrase, int) {
	for _, p := range orgPhrases {
		pw := strings.Fields(p.pat)
		if i+len(pw) > len(words) {
			continue
		}
		ok := true
		for k, w := range pw {
			if foldString(words[i+k]) != w {
				ok = false
				break
			}
		}
		if ok {
			return p, len(pw)
		}
	}
	return orgPhrase{}, 0
}

func titleWord(w string) string {
	if w == "" {
		return w
	}
	r := firstRune(w)
	return string(unicode.ToUpper(r)) + w[len(string(r)):]
}
