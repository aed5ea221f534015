package extract

import (
	"reflect"
	"testing"
)

func TestInlineRecipients(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"Nơi nhận: - Sở Nội vụ (b/c); - UBND các xã; - Lưu: VT.", []string{"Sở Nội vụ (b/c)", "UBND các xã", "Lưu: VT"}},
		{"Nơi nhận: + Như trên, + Lưu VP.", []string{"Như trên", "Lưu VP"}},
		{"Nơi nhận:- Ban Tuyên giáo - Dân vận;- Lưu", []string{"Ban Tuyên giáo - Dân vận", "Lưu"}},
		{"Nơi nhận: - Chủ tịch, các PCT UBND; - Các phòng, ban", []string{"Chủ tịch, các PCT UBND", "Các phòng, ban"}},
		{"Nơi nhận:", []string{}},
		{"Nơi nhận: như trên", []string{}}, // no list marker: the lines below hold the list
	} {
		if got := inlineRecipients(c.line); !reflect.DeepEqual(got, c.want) {
			t.Errorf("inlineRecipients(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	for _, c := range []struct{ in, on, title string }{
		{"KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"},
		{"TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ", "TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"},
		{"KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},
		{"TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"},
		{"TL. BỘ TRƯỞNG CHÁNH VĂN PHÒNG", "TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG"},
		{"KT. CHỦ TỊCH", "KT. CHỦ TỊCH", ""},                                                           // the title line is missing: nothing to split
		{"KT. PHÓ CHỦ TỊCH", "KT. PHÓ CHỦ TỊCH", ""},                                                   // no head before the deputy
		{"TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN", ""},                                             // no title at the end
		{"TM. BAN THƯỜNG VỤ / KT. BÍ THƯ PHÓ BÍ THƯ", "TM. BAN THƯỜNG VỤ / KT. BÍ THƯ PHÓ BÍ THƯ", ""}, // two lines joined: left alone
	} {
		on, title := splitTitle(Str(c.in))
		if string(on) != c.on || string(title) != c.title {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", c.in, on, title, c.on, c.title)
		}
	}
}
