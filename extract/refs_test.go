package extract

import (
	"fmt"
	"strings"
	"testing"
)

// refSummary renders references as "ID relation ×mentions" lines.
func refSummary(d *Document) string {
	var b strings.Builder
	for _, r := range d.References {
		fmt.Fprintf(&b, "%s %s x%d\n", r.ID, r.Relation, len(r.Mentions))
	}
	return b.String()
}

// TestReferences: one row per written variant of a citation.
func TestReferences(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"party symbol with date, issuer, term",
			"Thực hiện Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI).",
			"25-NQ/TW@2013-06-03 implements x1\n"},
		{"glued symbol", "Căn cứ Kế hoạch số 58KH/TU, ngày 17/4/2018 của Tỉnh ủy.", "58-KH/TU@2018-04-17 basis x1\n"},
		{"spaced symbols", "Căn cứ Nghị quyết 28 NQ/TW và Kết luận số 100 - KL/TW.", "28-NQ/TW basis x1\n100-KL/TW basis x1\n"},
		{"state symbols", "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03-02-2020 của Chính phủ; Chỉ thị số 16/CT-TTg.",
			"15/2020/NĐ-CP@2020-02-03 basis x1\n16/CT-TTg basis x1\n"},
		{"lost hyphen", "Căn cứ Quyết định số 1961/QĐUBND ngày 15/7/2019.", "1961/QĐ-UBND@2019-07-15 basis x1\n"},
		{"short form resolved", "Thực hiện Kết luận số 62-KL/TW, ngày 08/12/2009 của Bộ Chính trị. Đánh giá kết quả thực hiện Kết luận 62.",
			"62-KL/TW@2009-12-08 reviews x2\n"},
		{"declared alias", "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 (sau đây gọi tắt là Nghị quyết 25). Quán triệt Nghị quyết 25.",
			"25-NQ/TW@2013-06-03 implements x3\n"},
		{"kết luận 43 is not chỉ thị 43", "Thực hiện Kết luận số 43-KL/TW ngày 07/01/2019 và Chỉ thị số 43-CT/TW ngày 08/6/2010. Kết luận 43 nêu rõ.",
			"43-KL/TW@2019-01-07 implements x2\n43-CT/TW@2010-06-08 implements x1\n"},
		{"same symbol, two dates", "Tổng kết Chỉ thị số 43-CT/TW ngày 08-6-2010. Sơ kết Chỉ thị số 43-CT/TW ngày 14-5-2015.",
			"43-CT/TW@2010-06-08 reviews x1\n43-CT/TW@2015-05-14 reviews x1\n"},
		{"same symbol, two terms", "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013. Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương (khóa X) về công tác thanh niên.",
			"25-NQ/TW@2013-06-03 implements x1\n25-NQ/TW cites x1\n"},
		{"reviews", "Sơ kết 5 năm thực hiện Chỉ thị số 52-CT/TW ngày 09-01-2016.", "52-CT/TW@2016-01-09 reviews x1\n"},
		{"continues", "Tiếp tục triển khai thực hiện tốt Kế hoạch số 12-KH/TU ngày 03-02-2016.", "12-KH/TU@2016-02-03 continues x1\n"},
		{"continues after other verbs", "Tiếp tục lãnh đạo, chỉ đạo thực hiện Chỉ thị số 15-CT/TU ngày 02/8/2021.", "15-CT/TU@2021-08-02 continues x1\n"},
		{"continuing to disseminate is not continuing", "Thực hiện Chỉ thị số 29-CT/TW ngày 18/12/2013; tiếp tục phổ biến Nghị định số 39/2016/NĐ-CP ngày 15/5/2016 đến người lao động.", "29-CT/TW@2013-12-18 implements x1\n39/2016/NĐ-CP@2016-05-15 cites x1\n"},
		{"replaces", "Quyết định này thay thế Quyết định số 1234/QĐ-UBND ngày 15/5/2017.", "1234/QĐ-UBND@2017-05-15 replaces x1\n"},
		{"amends", "Sửa đổi, bổ sung một số điều của Quyết định số 12/2019/QĐ-UBND.", "12/2019/QĐ-UBND amends x1\n"},
		{"reported replacement only cites", "Thông tư số 05/2021/TT-BGDĐT thay thế Thông tư số 06/2012/TT-BGDĐT.",
			"05/2021/TT-BGDĐT cites x1\n06/2012/TT-BGDĐT cites x1\n"},
		{"subject of another only cites", "Thực hiện Kết luận số 79-KL/TW ngày 25-12-2013 về đẩy mạnh thực hiện Nghị quyết số 20-NQ/TW.",
			"79-KL/TW@2013-12-25 implements x1\n20-NQ/TW cites x1\n"},
		{"list shares the relation", "Thực hiện Chương trình số 01-CTr/BDVTW ngày 17-6-2021; Chương trình số 09-CTr/TU ngày 15-4-2021 của Tỉnh ủy.",
			"01-CTr/BDVTW@2021-06-17 implements x1\n09-CTr/TU@2021-04-15 implements x1\n"},
		{"implementing by following a rule only cites", "Các đơn vị thực hiện theo Thông tư số 12/2020/TT-BTC ngày 10/3/2020.",
			"12/2020/TT-BTC@2020-03-10 cites x1\n"},
		{"implementing without theo", "Thực hiện Thông tư số 12/2020/TT-BTC ngày 10/3/2020, Sở Tài chính hướng dẫn như sau.",
			"12/2020/TT-BTC@2020-03-10 implements x1\n"},
		{"enforcing a law only cites", "Các xã, phường thực hiện nghiêm Luật Đất đai năm 2013.", "Luật: Luật Đất đai@2013 cites x1\n"},
		{"a linked task only cites", "Hội nghị chuyên đề gắn với thực hiện Quy định số 37-QĐ/TW ngày 25/10/2021.", "37-QĐ/TW@2021-10-25 cites x1\n"},
		{"continuing after a review word", "Gắn việc tổng kết với việc tiếp tục thực hiện Chỉ thị số 10-CT/TU ngày 02/3/2017.",
			"10-CT/TU@2017-03-02 continues x1\n"},
		{"a task linked to a mention", "Việc quán triệt Kết luận số 14-KL/TW ngày 22/9/2021 phải gắn với việc tiếp tục thực hiện Quy định số 37-QĐ/TW ngày 25/10/2021.",
			"14-KL/TW@2021-09-22 cites x1\n37-QĐ/TW@2021-10-25 continues x1\n"},
		{"a task linked inside a subject only cites", "Thực hiện Hướng dẫn số 08-HD/BTGTU về quán triệt Kết luận số 14-KL/TW gắn với sơ kết thực hiện Quy định số 37-QĐ/TW.",
			"08-HD/BTGTU implements x1\n14-KL/TW cites x1\n37-QĐ/TW cites x1\n"},
		{"a proposed amendment only cites", "Sở Tư pháp nghiên cứu, đề xuất Chính phủ sửa đổi Nghị định số 15/2020/NĐ-CP và Luật Đất đai năm 2013.",
			"15/2020/NĐ-CP cites x1\nLuật: Luật Đất đai@2013 cites x1\n"},
		{"an amendment submitted to another body only cites", "Bộ Nông nghiệp chủ trì, phối hợp với Bộ Tư pháp nghiên cứu, trình Chính phủ sửa đổi, bổ sung Nghị định số 26/2019/NĐ-CP, hoàn thành trong quý IV/2023.",
			"26/2019/NĐ-CP cites x1\n"},
		{"a submission named as a noun proposes nothing", "Xét Tờ trình của Phòng Tài chính, nay sửa đổi Quyết định số 25/2019/QĐ-UBND.",
			"25/2019/QĐ-UBND amends x1\n"},
		{"the one who asked for an amendment", "Theo đề nghị của Giám đốc Sở Nội vụ, nay sửa đổi Quyết định số 25/2019/QĐ-UBND.",
			"25/2019/QĐ-UBND amends x1\n"},
		{"an alias closes the citation it ends", "Thực hiện Kế hoạch số 45-KH/BCA ngày 10/3/2021 của Bộ Công an về triển khai Nghị định số 20/2020/NĐ-CP (sau đây gọi tắt là Nghị định 20) và Quyết định số 300/QĐ-UBND ngày 12/3/2021.",
			"45-KH/BCA@2021-03-10 implements x1\n20/2020/NĐ-CP cites x2\n300/QĐ-UBND@2021-03-12 implements x1\n"},
		{"a list wrapped after a semicolon goes on", "KẾ HOẠCH\nphổ biến pháp luật năm 2016\n\nThực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (sau đây gọi tắt là Chỉ thị 05);\nQuyết định số 1234/QĐ-UBND ngày 20/7/2016 của Ủy ban nhân dân tỉnh, Sở Tư pháp xây dựng kế hoạch như sau:",
			"05-CT/TW@2016-05-15 implements x2\n1234/QĐ-UBND@2016-07-20 implements x1\n"},
		{"a new list item after a semicolon stands alone", "- Tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016;\n- Quyết định số 1234/QĐ-UBND ngày 20/7/2016 của Ủy ban nhân dân tỉnh đã hoàn thành.",
			"05-CT/TW@2016-05-15 continues x1\n1234/QĐ-UBND@2016-07-20 cites x1\n"},
		{"a statement about implementing a law only cites", "Năm 2020, toàn huyện đạt 90% chỉ tiêu. Việc thực hiện Luật Đất đai năm 2013 và Luật Nhà ở năm 2014 còn nhiều hạn chế.",
			"Luật: Luật Đất đai@2013 cites x1\nLuật: Luật Nhà ở@2014 cites x1\n"},
		{"assessing how a directive is carried out only cites", "- Đánh giá đúng thực trạng lãnh đạo, chỉ đạo triển khai Chỉ thị số 05-CT/TW ngày 15/5/2016 và Luật Thanh niên năm 2020.",
			"05-CT/TW@2016-05-15 cites x1\nLuật: Luật Thanh niên@2020 cites x1\n"},
		{"checking its implementation inside a clause still implements", "Tăng cường kiểm tra việc thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
			"05-CT/TW@2016-05-15 implements x1\n"},
		{"an amended part of a document names no other", "NGHỊ QUYẾT\nvề nhiệm vụ năm 2022\n\nĐiều 2. Sửa đổi điểm a khoản 3 Điều 5 Nghị quyết số 15/NQ-HĐND ngày 10/3/2021 của Hội đồng nhân dân huyện như sau:",
			"15/NQ-HĐND@2021-03-10 amends x1\n"},
		{"a body between the verb and the document still breaks it", "Sửa đổi quy trình tiếp nhận hồ sơ của Sở Tư pháp theo Quyết định số 15/2021/QĐ-UBND ngày 10/3/2021.",
			"15/2021/QĐ-UBND@2021-03-10 cites x1\n"},
		{"a named document heads the list", "Thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XX, nhiệm kỳ 2020 - 2025 và Chỉ thị số 05-CT/HU ngày 10/3/2021 của Ban Thường vụ Huyện ủy, Ủy ban nhân dân huyện ban hành kế hoạch.",
			"05-CT/HU@2021-03-10 implements x1\n"},
		{"an unnamed document's subject runs to the list", "Thực hiện Nghị quyết của Tỉnh ủy về phát triển du lịch gắn với bảo tồn di sản văn hóa và Chỉ thị số 05-CT/HU ngày 10/3/2021.",
			"05-CT/HU@2021-03-10 cites x1\n"},
		{"without an alias the list stays in the subject", "Thực hiện Kế hoạch số 45-KH/BCA ngày 10/3/2021 của Bộ Công an về triển khai Nghị định số 20/2020/NĐ-CP và Quyết định số 300/QĐ-UBND ngày 12/3/2021.",
			"45-KH/BCA@2021-03-10 implements x1\n20/2020/NĐ-CP cites x1\n300/QĐ-UBND@2021-03-12 cites x1\n"},
		{"basis across a named body", "Căn cứ ý kiến chỉ đạo của Thủ tướng Chính phủ tại Công văn số 1234/VPCP-KGVX ngày 05/5/2020.",
			"1234/VPCP-KGVX@2020-05-05 basis x1\n"},
		{"basis after a clause break", "Thực hiện Chỉ thị số 05-CT/TU ngày 02/3/2020; căn cứ Luật Đê điều năm 2006, Sở hướng dẫn.",
			"05-CT/TU@2020-03-02 implements x1\nLuật: Luật Đê điều@2006 basis x1\n"},
		{"working from a plan is no basis", "Các sở, ngành căn cứ Kế hoạch số 45-KH/UBND ngày 10/3/2021 xây dựng kế hoạch của đơn vị.",
			"45-KH/UBND@2021-03-10 cites x1\n"},
		{"assessing how a law is applied only cites", "Nội dung: đánh giá việc thi hành Luật Thanh niên năm 2020.", "Luật: Luật Thanh niên@2020 cites x1\n"},
		{"putting a law into effect implements", "Kế hoạch triển khai thi hành Luật Thanh niên năm 2020.", "Luật: Luật Thanh niên@2020 implements x1\n"},
		{"a review already held only cites", "Khắc phục những hạn chế đã được chỉ ra khi tổng kết Kế hoạch số 21/KH-UBND ngày 14/4/2009.",
			"21/KH-UBND@2009-04-14 cites x1\n"},
		{"a past review of implementation only cites", "Năm 2020, toàn tỉnh đã tổ chức tổng kết 10 năm thực hiện Chỉ thị số 43-CT/TW ngày 08/6/2010.",
			"43-CT/TW@2010-06-08 cites x1\n"},
		{"a review to hold", "Tổ chức tổng kết đa dạng hình thức thực hiện Kế hoạch số 21/KH-UBND ngày 14/4/2009.",
			"21/KH-UBND@2009-04-14 reviews x1\n"},
		{"grasping a resolution's content implements it", "Giúp hội viên nắm vững nội dung cơ bản của Nghị quyết số 21-NQ/TU ngày 05/4/2022 và Chỉ thị số 09-CT/TU.",
			"21-NQ/TU@2022-04-05 implements x1\n09-CT/TU implements x1\n"},
		{"a year before a place is no trigger", "Hội viên năm Vũng Tàu được biểu dương theo Quyết định số 12-QĐ/HND.", "12-QĐ/HND cites x1\n"},
		{"years of past implementation only cite", "Qua gần 10 năm thực hiện Nghị quyết số 33-NQ/TW ngày 09/6/2014, văn hóa có bước phát triển.",
			"33-NQ/TW@2014-06-09 cites x1\n"},
		{"years of implementation to review", "Tổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW ngày 09/6/2014.", "33-NQ/TW@2014-06-09 reviews x1\n"},
		{"law by name and year", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Bộ luật Lao động năm 2019.",
			"Luật: Luật Tổ chức chính quyền địa phương@2015-06-19 basis x1\nBộ luật: Bộ luật Lao động@2019 basis x1\n"},
		{"law name with paired words", "Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021.", "Luật: Luật Phòng, chống ma túy@2021-03-30 basis x1\n"},
		{"same-name laws told apart by year and full date", "Luật Phòng, chống ma túy năm 2000 hết hiệu lực khi Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021 có hiệu lực.",
			"Luật: Luật Phòng, chống ma túy@2000 cites x1\nLuật: Luật Phòng, chống ma túy@2021-03-30 cites x1\n"},
		{"a comma after a law's name ends it", "Thực hiện Luật Đất đai năm 2013, các sở rà soát; theo Luật Nhà ở, tổ chức kiểm tra.",
			"Luật: Luật Đất đai@2013 implements x1\nLuật: Luật Nhà ở cites x1\n"},
		{"law by number", "Căn cứ Luật số 77/2015/QH13.", "77/2015/QH13 basis x1\n"},
		{"a bare kind declared as a law's alias", "Triển khai Luật Thanh niên năm 2020 (sau đây gọi tắt là Luật). Tuyên truyền Luật đến đoàn viên; rà soát văn bản theo Luật, Luật Đất đai năm 2013 và Luật số 45/2013/QH13.",
			"Luật: Luật Thanh niên@2020 implements x4\nLuật: Luật Đất đai@2013 cites x1\n45/2013/QH13 cites x1\n"},
		{"a bare kind as the alias of a numbered decree", "Căn cứ Nghị định số 15/2021/NĐ-CP ngày 03/3/2021 của Chính phủ (gọi tắt là Nghị định). Các xã thực hiện Nghị định; Nghị định này không áp dụng.",
			"15/2021/NĐ-CP@2021-03-03 basis x3\n"},
		{"a bare kind without a declared alias is no mention", "Triển khai Luật Thanh niên năm 2020. Tuyên truyền Luật đến đoàn viên.", "Luật: Luật Thanh niên@2020 implements x1\n"},
		{"a law's name of two halves joined by và", "Căn cứ Luật Hôn nhân và gia đình năm 2014; Luật Phòng cháy và chữa cháy.",
			"Luật: Luật Hôn nhân và gia đình@2014 basis x1\nLuật: Luật Phòng cháy và chữa cháy basis x1\n"},
		{"a law's name of two halves, then its bare name", "Thực hiện Luật Bảo vệ và phát triển rừng năm 2004, các xã thực hiện nghiêm Luật Bảo vệ và phát triển rừng.",
			"Luật: Luật Bảo vệ và phát triển rừng@2004 implements x2\n"},
		{"và before a determiner ends a law's name", "Căn cứ Luật Đất đai năm 2013 và các văn bản hướng dẫn thi hành.", "Luật: Luật Đất đai@2013 basis x1\n"},
		{"và before a verb ends a law's name", "Các xã tuyên truyền Luật Đất đai và tổ chức thực hiện năm 2024.", "Luật: Luật Đất đai cites x1\n"},
		{"a linked task after an earlier implementing verb only cites", "1. Nâng cao nhận thức về quyền, nghĩa vụ thực hiện dân chủ ở cơ sở, gắn với việc thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022.",
			"27-NQ/TW@2022-11-09 cites x1\n"},
		{"following a rule after an earlier implementing verb only cites", "Các xã thực hiện tốt công tác hòa giải, thực hiện theo Nghị định số 15/2014/NĐ-CP ngày 27/02/2014.",
			"15/2014/NĐ-CP@2014-02-27 cites x1\n"},
		{"an implementing verb with no other verb nearer still implements", "Các xã tổ chức thực hiện có hiệu quả Nghị quyết số 27-NQ/TW ngày 09/11/2022.",
			"27-NQ/TW@2022-11-09 implements x1\n"},
		{"a basis list opened by a document cited by name, then \";\"", "Căn cứ Điều lệ Đảng; Quy định số 30-QĐ/TW ngày 26/7/2016 của Ban Chấp hành Trung ương; Quyết định số 31-QĐ/TW ngày 26/7/2016.",
			"30-QĐ/TW@2016-07-26 basis x1\n31-QĐ/TW@2016-07-26 basis x1\n"},
		{"an implementing list opened by a named document, then \";\"", "Thực hiện Điều lệ Hội Nông dân Việt Nam; Kế hoạch số 15-KH/HNDT ngày 03/01/2022 của Hội Nông dân tỉnh.",
			"15-KH/HNDT@2022-01-03 implements x1\n"},
		{"a kind with lower-case words before \";\" is no name", "Thực hiện Nghị quyết của Tỉnh ủy về công tác cán bộ; Kế hoạch số 5-KH/HU ngày 02/3/2021.",
			"5-KH/HU@2021-03-02 cites x1\n"},
		{"a described document with its number in parentheses, then \"và\"", "Căn cứ Kế hoạch công tác năm 2024 của Ban Tuyên giáo Tỉnh ủy (Kế hoạch số 12-KH/BTGTU ngày 05/01/2024) và Hướng dẫn số 03-HD/BTGTU ngày 10/01/2024.",
			"12-KH/BTGTU@2024-01-05 basis x1\n03-HD/BTGTU@2024-01-10 basis x1\n"},
		{"a described document continued, its number in parentheses", "1. Tiếp tục thực hiện Chỉ thị của Ban Thường vụ Tỉnh ủy về phòng, chống tham nhũng (Chỉ thị số 05-CT/TU ngày 02/3/2021).",
			"05-CT/TU@2021-03-02 continues x1\n"},
		{"a parenthesis naming a document of another kind only cites", "Thực hiện Chương trình công tác năm 2024 của Tỉnh ủy (Kế hoạch số 12-KH/TU ngày 05/01/2024).",
			"12-KH/TU@2024-01-05 cites x1\n"},
		{"a parenthesis with words before the number only cites", "Thực hiện nhiệm vụ năm 2024 (theo Kế hoạch số 12-KH/TU ngày 05/01/2024).",
			"12-KH/TU@2024-01-05 cites x1\n"},
		{"a law's bare name and its name with the year are the numbered law", "Căn cứ Luật Đất đai số 45/2013/QH13 ngày 29/11/2013. Các xã thi hành Luật Đất đai; rà soát theo Luật Đất đai năm 2013.",
			"45/2013/QH13@2013-11-29 basis x3\n"},
		{"a bare name two numbered laws share stays apart", "Căn cứ Luật Đất đai số 45/2013/QH13 và Luật Đất đai số 31/2024/QH15. Các xã thi hành Luật Đất đai.",
			"45/2013/QH13 basis x1\n31/2024/QH15 basis x1\nLuật: Luật Đất đai cites x1\n"},
		{"a name with another year stays apart from the numbered law", "Căn cứ Luật Đất đai số 31/2024/QH15. Các xã đã thi hành Luật Đất đai; Luật Đất đai năm 2013 hết hiệu lực.",
			"31/2024/QH15 basis x1\nLuật: Luật Đất đai@2013 cites x2\n"},
		{"\"số\" glued to a law's number", "Căn cứ Luật Thanh niên số57/2020/QH14 ngày 16/6/2020. Triển khai Luật Thanh niên.",
			"57/2020/QH14@2020-06-16 basis x2\n"},
		{"abbreviation", "Thực hiện Kết luận số 62-KL/TW ngày 08/12/2009. Kết quả thực hiện KL 62 còn hạn chế.", "62-KL/TW@2009-12-08 implements x2\n"},
		{"glued kind", "Quán triệt Nghịquyết số 15-NQ/TU của Tỉnh ủy.", "15-NQ/TU cites x1\n"},
		{"glued short kind", "Các xã triển khai theo Quychế số 07-QC/ĐU ngày 02/3/2020 của Đảng ủy.", "07-QC/ĐU@2020-03-02 cites x1\n"},
		{"a short word that only starts like a kind is none", "Chính sách số 12 và Quyền số 3 của xã.", ""},
		{"glued number and date", "Thực hiện Nghị quyết số25-NQ/TW ngày03/6/2013 của Bộ Chính trị.", "25-NQ/TW@2013-06-03 implements x1\n"},
		{"counted years are not numbers", "Báo cáo 5 năm và Kế hoạch 2023 của tỉnh.", ""},
		{"a programme's name is no reference", "Gắn với triển khai Đề án 06 của Chính phủ về dữ liệu dân cư.", ""},
		{"a programme written with số stays", "Thực hiện Đề án số 05 của Tỉnh ủy.", "Đề án 05 implements x1\n"},
		{"a programme named by its decision's number is no second reference", "Căn cứ Quyết định số 135/1998/QĐ-TTg ngày 31/7/1998. Thực hiện Chương trình 135.",
			"135/1998/QĐ-TTg@1998-07-31 basis x1\n"},
		{"a year-less state symbol names the one document with its number", "Thực hiện Quyết định số 320/2019/QĐ-UBND ngày 05/3/2019 của UBND tỉnh. Các huyện triển khai Quyết định 320/QĐ-UBND.",
			"320/2019/QĐ-UBND@2019-03-05 implements x2\n"},
		{"a year-less symbol with another date is another document", "Thực hiện Quyết định số 320/2019/QĐ-UBND ngày 05/3/2019. Theo Quyết định số 320/QĐ-UBND ngày 10/8/2021 của UBND huyện.",
			"320/2019/QĐ-UBND@2019-03-05 implements x1\n320/QĐ-UBND@2021-08-10 cites x1\n"},
		{"a short form before a period's years names", "Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016. Các chi bộ nêu kết quả Chỉ thị 05 giai đoạn 2016 - 2021.",
			"05-CT/TW@2016-05-15 basis x2\n"},
		{"a count of phases does not name", "Căn cứ Chỉ thị số 05-CT/TU ngày 15/5/2016. Triển khai Đề án 3 giai đoạn, Kế hoạch 2 giai đoạn của huyện.",
			"05-CT/TU@2016-05-15 basis x1\n"},
		{"building on a past plan's results only cites it", "Năm 2024, phát huy kết quả thực hiện Kế hoạch số 18/KH-UBND ngày 10/01/2023 của UBND huyện, các xã tiếp tục tuyên truyền.",
			"18/KH-UBND@2023-01-10 cites x1\n"},
		{"reporting results of a plan still implements it", "Các xã báo cáo kết quả thực hiện Kế hoạch số 18/KH-UBND ngày 10/01/2023 của UBND huyện.",
			"18/KH-UBND@2023-01-10 implements x1\n"},
		{"a named document opens the governed list", "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, Chương trình số 05-CTr/TU ngày 12/01/2021 của Tỉnh ủy, Sở xây dựng kế hoạch.",
			"05-CTr/TU@2021-01-12 implements x1\n"},
		{"a named document then another clause governs nothing", "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, Ban Thường vụ đã ban hành Chương trình số 05-CTr/TU ngày 12/01/2021.",
			"05-CTr/TU@2021-01-12 cites x1\n"},
		{"following a law's rules only cites it", "Một số doanh nghiệp chưa thực hiện đúng các quy định của Luật An toàn thực phẩm năm 2010.",
			"Luật: Luật An toàn thực phẩm@2010 cites x1\n"},
		{"implementing a law's own name still implements", "Các xã thực hiện Luật An toàn thực phẩm năm 2010 trên địa bàn.",
			"Luật: Luật An toàn thực phẩm@2010 implements x1\n"},
		{"a law's name joined by và and wrapped by a PDF copy", "Tuyên truyền Luật Bảo vệ nguồn lợi thủy sản và\nbảo vệ nguồn nước năm 2025 đến người dân.",
			"Luật: Luật Bảo vệ nguồn lợi thủy sản và bảo vệ nguồn nước@2025 cites x1\n"},
		{"và before a new word ends a law's name", "Tuyên truyền Luật Đất đai và\ncác văn bản hướng dẫn đến người dân.",
			"Luật: Luật Đất đai cites x1\n"},
		{"a law by name and year is the numbered law of that name and year", "Căn cứ Luật Đầu tư công số 58/2024/QH15. Các sở thực hiện theo Luật Đầu tư công năm 2024.",
			"58/2024/QH15 basis x2\n"},
		{"a same-name law of another year stays its own", "Căn cứ Luật Đầu tư công số 58/2024/QH15. Dự án đã duyệt theo Luật Đầu tư công năm 2019.",
			"58/2024/QH15 basis x1\nLuật: Luật Đầu tư công@2019 cites x1\n"},
		{"continuing asked of another body does not make this document continue", "1. Tổ chức quán triệt, thực hiện Quyết định số 12/2023/QĐ-UBND ngày 05/3/2023.\n4. Đề nghị Sở Tư pháp mở lớp tập huấn trong quý II/2024; tiếp tục hướng dẫn thực hiện Quyết định số 12/2023/QĐ-UBND.",
			"12/2023/QĐ-UBND@2023-03-05 implements x2\n"},
		{"continuing by this document's own bodies continues", "1. Tổ chức quán triệt, thực hiện Quyết định số 12/2023/QĐ-UBND ngày 05/3/2023.\n4. Các xã mở lớp tập huấn trong quý II/2024; tiếp tục hướng dẫn thực hiện Quyết định số 12/2023/QĐ-UBND.",
			"12/2023/QĐ-UBND@2023-03-05 continues x2\n"},
		{"repealing a clause amends", "Điều 2. Bãi bỏ điểm c khoản 2 Điều 7 Quyết định số 18/2021/QĐ-UBND ngày 02/4/2021 của UBND tỉnh.",
			"18/2021/QĐ-UBND@2021-04-02 amends x1\n"},
		{"repealing a whole decision replaces", "Điều 3. Quyết định này bãi bỏ Quyết định số 18/2021/QĐ-UBND ngày 02/4/2021.",
			"18/2021/QĐ-UBND@2021-04-02 replaces x1\n"},
		{"a symbol wrapped after số in a subject line", "Số: 1250/CT-NV\nV/v triển khai thực hiện Nghị định số\n41/2020/NĐ-CP của Chính phủ\nKính gửi: Các Chi cục Thuế.",
			"41/2020/NĐ-CP implements x1\n"},
		{"a party symbol wrapped after số", "Thực hiện Kế hoạch số\n58-KH/TU ngày 17/4/2018 của Tỉnh ủy, Sở xây dựng kế hoạch.",
			"58-KH/TU@2018-04-17 implements x1\n"},
		{"a bare number on the line after số is no symbol", "Thực hiện Kế hoạch số\n12 của Tỉnh ủy, các xã triển khai.", ""},
		{"a list item on the line after số is no symbol", "Theo Chương trình số\n2. Nội dung thực hiện.", ""},
		{"repealing by a resolution's rule only cites it", "Rà soát, bãi bỏ các quy hoạch về đầu tư, kinh doanh theo Nghị quyết số 11/NQ-CP ngày 05/02/2018 của Chính phủ.",
			"11/NQ-CP@2018-02-05 cites x1\n"},
		{"replacing by a decree's rule only cites it", "Các sở thay thế mẫu biểu báo cáo theo Nghị định số 09/2019/NĐ-CP.", "09/2019/NĐ-CP cites x1\n"},
		{"amending procedures by a decree only cites it", "Sửa đổi các thủ tục hành chính theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018.", "61/2018/NĐ-CP@2018-04-23 cites x1\n"},
		{"a review following an outline attached to a guidance only cites it", "Số: 20-KH/BKT\nKẾ HOẠCH\n\n2. Việc tổng kết phải bám sát đề cương kèm theo Hướng dẫn số 15-HD/BKTTW ngày 20/3/2018.",
			"15-HD/BKTTW@2018-03-20 cites x1\n"},
		{"reviewing targets by a plan only cites it", "Sơ kết việc thực hiện các chỉ tiêu theo Kế hoạch số 12-KH/TU.", "12-KH/TU cites x1\n"},
		{"monitoring is no rule followed", "Tổng kết, theo dõi việc thực hiện Chỉ thị số 05-CT/TU ngày 02/3/2020.", "05-CT/TU@2020-03-02 reviews x1\n"},
		{"amending a rule issued with a decision still amends it", "Số: 20/QĐ-LMHTX\nQUYẾT ĐỊNH\n\nĐiều 1. Sửa đổi, bổ sung một số điều của quy chế chi tiêu ban hành kèm theo Quyết định số 45/QĐ-LMHTX ngày 10/3/2020.",
			"45/QĐ-LMHTX@2020-03-10 amends x1\n"},
		{"continuing to follow an old resolution only cites it", "Các dự án đã được phê duyệt tiếp tục thực hiện theo Nghị quyết số 27/2020/NQ-HĐND.", "27/2020/NQ-HĐND cites x1\n"},
		{"a symbol in parentheses after a described programme is its basis", "– Căn cứ Chương trình công tác năm 2005 của Trung ương Hội Chữ thập đỏ Việt Nam (Chương trình số 01/CTr-TW ngày 05/01/2005);",
			"01/CTr-TW@2005-01-05 basis x1\n"},
		{"a symbol in parentheses after a described programme is implemented", "Thực hiện Chương trình kiểm tra, giám sát năm 2003 của Ban Thường vụ Huyện uỷ (Chương trình số 15-CTr/HU ngày 10/01/2003), Uỷ ban Kiểm tra báo cáo như sau.",
			"15-CTr/HU@2003-01-10 implements x1\n"},
		{"a described plan in lower case", "Thực hiện kế hoạch công tác năm 2022 của Tỉnh ủy (Kế hoạch số 12-KH/TU ngày 05/01/2022), Ban Tuyên giáo xây dựng kế hoạch.",
			"12-KH/TU@2022-01-05 implements x1\n"},
		{"a symbol of another kind in parentheses is not the described document", "Căn cứ Chương trình công tác năm 2005 của Tỉnh ủy (Quyết định số 12-QĐ/TU ngày 05/01/2005), các huyện triển khai.",
			"12-QĐ/TU@2005-01-05 cites x1\n"},
		{"a parenthesis after no described document only cites", "Căn cứ tình hình thực tế của địa phương (Kế hoạch số 12-KH/UBND), các xã thực hiện.", "12-KH/UBND cites x1\n"},
		{"a described programme reported on only cites", "Báo cáo kết quả Chương trình công tác năm 2005 của Tỉnh ủy (Chương trình số 12-CTr/TU ngày 05/01/2005) như sau.",
			"12-CTr/TU@2005-01-05 cites x1\n"},
		{"results stated as a subject are no review", "2. Kết quả 10 năm thực hiện Nghị quyết số 11-NQ/TW ngày 27/4/2007 là cơ sở để xác định nhiệm vụ trọng tâm.",
			"11-NQ/TW@2007-04-27 cites x1\n"},
		{"assessing results of years still reviews", "2. Đánh giá kết quả 10 năm thực hiện Nghị quyết số 11-NQ/TW ngày 27/4/2007.",
			"11-NQ/TW@2007-04-27 reviews x1\n"},
		{"results as the object of a report still review", "Các huyện báo cáo Kết quả 10 năm thực hiện Nghị quyết số 11-NQ/TW ngày 27/4/2007.",
			"11-NQ/TW@2007-04-27 reviews x1\n"},
		{"a title that disseminates a resolution implements it", "HỘI NÔNG DÂN TỈNH AN GIANG\nSố 45-KH/HNDT\nLong Xuyên, ngày 21 tháng 4 năm 2025\n\nKẾ HOẠCH\nTuyên truyền, quán triệt Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương Đảng\n\nI. MỤC ĐÍCH\nNội dung.",
			"60-NQ/TW@2025-04-12 implements x1\n"},
		{"a title that studies and disseminates", "HỘI NÔNG DÂN TỈNH AN GIANG\nSố 45-KH/HNDT\nLong Xuyên, ngày 21 tháng 4 năm 2025\n\nKẾ HOẠCH\nHọc tập, quán triệt và tuyên truyền Nghị quyết số 60-NQ/TW ngày 12/4/2025\n\nI. MỤC ĐÍCH\nNội dung.",
			"60-NQ/TW@2025-04-12 implements x1\n"},
		{"a title with another verb keeps its relation", "HỘI NÔNG DÂN TỈNH AN GIANG\nSố 45-KH/HNDT\nLong Xuyên, ngày 21 tháng 4 năm 2025\n\nKẾ HOẠCH\nBáo cáo công tác tuyên truyền Nghị quyết số 60-NQ/TW ngày 12/4/2025\n\nI. MỤC ĐÍCH\nNội dung.",
			"60-NQ/TW@2025-04-12 cites x1\n"},
		{"disseminating in the body only cites", "HỘI NÔNG DÂN TỈNH AN GIANG\nSố 45-KH/HNDT\nLong Xuyên, ngày 21 tháng 4 năm 2025\n\nKẾ HOẠCH\ncông tác năm 2025\n\nI. MỤC ĐÍCH\nNội dung. Quán triệt Nghị quyết số 60-NQ/TW ngày 12/4/2025 đến hội viên.",
			"60-NQ/TW@2025-04-12 cites x1\n"},
		{"unresolved short form stays", "Quán triệt Nghị quyết số 15 của Tỉnh ủy.", "Nghị quyết 15 cites x1\n"},
	}
	for _, tt := range tests {
		d := Parse(tt.text)
		if got := refSummary(d); got != tt.want {
			t.Errorf("%s:\n%s\ngot:\n%swant:\n%s", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestOwnNumberIsNotAReference: the document's own number, in its header
// or in an attachment line, is not cited.
func TestOwnNumberIsNotAReference(t *testing.T) {
	text := "TỈNH ỦY ĐẮK LẮK\nSố 58-KH/TU\n\nKẾ HOẠCH\nsơ kết Nghị quyết số 25-NQ/TW\n\nI. MỤC ĐÍCH\nNội dung.\n\nĐỀ CƯƠNG\n(ban hành kèm theo Kế hoạch số 58KH/TU, ngày 17/4/2018)\n"
	d := Parse(text)
	if got := refSummary(d); got != "25-NQ/TW reviews x1\n" {
		t.Errorf("references:\n%s", got)
	}
	if d.Symbol != "58-KH/TU" {
		t.Errorf("symbol = %q", d.Symbol)
	}
}

// TestUnresolvedDiagnostic: a short form naming nothing cited in full is
// reported.
func TestUnresolvedDiagnostic(t *testing.T) {
	d := Parse("Quán triệt Nghị quyết số 15 của Tỉnh ủy.")
	for _, g := range d.Diagnostics {
		if g.Code == "unresolved_reference" {
			return
		}
	}
	t.Errorf("no unresolved_reference diagnostic: %+v", d.Diagnostics)
}

// TestBareAliasOfAnotherKind: "(gọi tắt là Quy chế)" after the decision
// that issues the Quy chế names the Quy chế, not the decision, so the later
// bare "Quy chế" are no mentions of the decision.
func TestBareAliasOfAnotherKind(t *testing.T) {
	d := Parse(deadlineDoc("1. Các sở thực hiện Quy chế ban hành kèm theo Quyết định số 12/2017/QĐ-UBND ngày 15/5/2017 (sau đây gọi tắt là Quy chế). Các xã thực hiện Quy chế."))
	if got, want := refSummary(d), "12/2017/QĐ-UBND@2017-05-15 cites x1\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
