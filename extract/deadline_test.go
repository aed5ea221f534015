package extract

import (
	"fmt"
	"strings"
	"testing"
)

// deadlineDoc wraps a body line in a minimal plan dated 2023-06-02.
func deadlineDoc(body string) string {
	return "THÀNH ỦY HẢI PHÒNG\nSố 256-KH/TU\nHải Phòng, ngày 02 tháng 6 năm 2023\n\nKẾ HOẠCH\ntổng kết công tác\n\nIII. TỔ CHỨC THỰC HIỆN\n" + body + "\n"
}

func deadlineSummary(d *Document) string {
	var b strings.Builder
	for _, x := range d.Deadlines {
		fmt.Fprintf(&b, "%s %s..%s %s | %s\n", x.Text, x.Start, x.End, x.Precision, x.Responsible)
	}
	return b.String()
}

// TestDeadlines: one row per written form of a deadline, and the phrases
// that look like one but are not.
func TestDeadlines(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"trước ngày", "1. Các ban đảng Thành ủy gửi báo cáo trước ngày 30/6/2023.",
			"trước ngày 30/6/2023 2023-06-30..2023-06-30 day | Các ban đảng Thành ủy\n"},
		{"a paragraph numbered with a slash", "3/ Chi cục Kiểm lâm xây dựng phương án phòng cháy rừng, xong trước 15/7/2023; tổ chức kiểm tra trong tháng 8 và tháng 9/2023.",
			"trước 15/7/2023 2023-07-15..2023-07-15 day | Chi cục Kiểm lâm\ntrong tháng 8 và tháng 9/2023 2023-08-01..2023-09-30 range | Chi cục Kiểm lâm\n"},
		{"a Chi cục is a body", "- Chi cục Thuế tổng hợp kết quả gửi về Cục Thuế chậm nhất ngày 05/8/2023.",
			"chậm nhất ngày 05/8/2023 2023-08-05..2023-08-05 day | Chi cục Thuế\n"},
		{"a Chi hội is a body", "- Chi hội Nông dân thôn gửi danh sách trước ngày 10/9/2023.",
			"trước ngày 10/9/2023 2023-09-10..2023-09-10 day | Chi hội Nông dân thôn\n"},
		{"a Đội is a body", "2. Đội Quản lý trật tự đô thị chủ trì kiểm tra các công trình, hoàn thành trong quý IV/2023.",
			"trong quý IV/2023 2023-10-01..2023-12-31 quarter | Đội Quản lý trật tự đô thị\n"},
		{"a lower-case đội names no body", "2. Bồi dưỡng đội ngũ báo cáo viên, hoàn thành trong quý IV/2023.",
			"trong quý IV/2023 2023-10-01..2023-12-31 quarter | \n"},
		{"a date opening a line is no slash number", "20/7/2023: hạn cuối nộp hồ sơ; Sở Tư pháp tổng hợp trước ngày 30/7/2023.",
			"trước ngày 30/7/2023 2023-07-30..2023-07-30 day | Sở Tư pháp\n"},
		{"trước without ngày", "- Ban Tổ chức Tỉnh ủy gửi báo cáo trước 10/10/2023.",
			"trước 10/10/2023 2023-10-10..2023-10-10 day | Ban Tổ chức Tỉnh ủy\n"},
		{"chậm nhất", "2. Sở Nội vụ hoàn thành chậm nhất ngày 15/8/2023.",
			"chậm nhất ngày 15/8/2023 2023-08-15..2023-08-15 day | Sở Nội vụ\n"},
		{"giao … chủ trì, quarter", "3. Giao Ban Dân vận Thành ủy chủ trì, phối hợp các cơ quan tham mưu thực hiện, hoàn thành trong quý III-2023.",
			"trong quý III-2023 2023-07-01..2023-09-30 quarter | Ban Dân vận Thành ủy\n"},
		{"time label", "4. Ban Dân vận Trung ương chủ trì tổng hợp báo cáo. Thời gian hoàn thành: tháng 10/2023.",
			"tháng 10/2023 2023-10-01..2023-10-31 month | Ban Dân vận Trung ương\n"},
		{"vào tháng", "- Cấp tỉnh: Tổ chức Hội nghị sơ kết vào tháng 9/2023.",
			"vào tháng 9/2023 2023-09-01..2023-09-30 month | Cấp tỉnh\n"},
		{"part of month", "5. Giao Ban Dân vận trình Thường trực cho ý kiến vào đầu tháng 11/2023; sau đó, Ban Thường vụ Thành ủy sẽ mở Hội nghị vào cuối tháng 11/2023.",
			"vào đầu tháng 11/2023 2023-11-01..2023-11-10 part-of-month | Ban Dân vận\nvào cuối tháng 11/2023 2023-11-21..2023-11-30 part-of-month | Ban Thường vụ Thành ủy\n"},
		{"month range", "6. Ban Dân vận Thành ủy tổ chức đoàn khảo sát. Thời gian dự kiến từ tháng 9 - 10/2023.",
			"từ tháng 9 - 10/2023 2023-09-01..2023-10-31 range | Ban Dân vận Thành ủy\n"},
		{"quarter range", "3. Phòng Tư pháp các huyện tổ chức tọa đàm trong quý III - IV/2025.",
			"trong quý III - IV/2025 2025-07-01..2025-12-31 range | Phòng Tư pháp các huyện\n"},
		{"day range", "7. Sở Nội vụ tổ chức tập huấn từ ngày 1/7 đến ngày 15/7/2023.",
			"từ ngày 1/7 đến ngày 15/7/2023 2023-07-01..2023-07-15 range | Sở Nội vụ\n"},
		{"year-less date takes the document's year", "8. Văn phòng Thành ủy báo cáo trước ngày 20/9.",
			"trước ngày 20/9 2023-09-20..2023-09-20 day | Văn phòng Thành ủy\n"},
		{"year-less date after the document rolls over", "9. Văn phòng Thành ủy báo cáo trước ngày 15/01.",
			"trước ngày 15/01 2024-01-15..2024-01-15 day | Văn phòng Thành ủy\n"},
		{"early year", "10. Năm 2023, Ban Dân vận hoàn thành khảo sát; đầu năm 2024 tổ chức hội nghị tổng kết.",
			"Năm 2023 2023-01-01..2023-12-31 year | Ban Dân vận\nđầu năm 2024 2024-01-01..2024-03-31 part-of-year | Ban Dân vận\n"},
		{"glued cue", "11. Các sở gửi hồ sơ trướcngày 30/6/2023.",
			"trướcngày 30/6/2023 2023-06-30..2023-06-30 day | Các sở\n"},
		{"date word glued to its number", "11b. Các sở gửi hồ sơ trước ngày15/7/2023.",
			"trước ngày15/7/2023 2023-07-15..2023-07-15 day | Các sở\n"},
		{"a .docx list item: marker, tab, text", "1.\tCác huyện gửi báo cáo trước ngày 30/6/2023.",
			"trước ngày 30/6/2023 2023-06-30..2023-06-30 day | Các huyện\n"},
		{"a table row without a time column is not read as prose", "1.\tCác huyện gửi báo cáo\ttrước ngày 30/6/2023", ""},
		{"cited document's date is not a deadline", "12. Thực hiện Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư.", ""},
		{"statistics period is not a deadline", "13. Số liệu tổng kết tính từ tháng 6/2013 đến tháng 6/2023.", ""},
		{"past period is not a deadline", "14. Báo cáo kết quả (từ năm 2013 đến năm 2023).", ""},
		{"named period is not a deadline", "15. Chỉ đạo xây dựng chương trình phối hợp giai đoạn 2021-2025, nhiệm kỳ 2020-2025.", ""},
		{"recurring date is not a deadline", "16. Hằng năm, các huyện gửi báo cáo chậm nhất ngày 15 tháng 12.", ""},
		{"a year-less date before a next item that recurs", "3. Các xã báo cáo kết quả về Sở **trước ngày 15/9**.\n4. Hằng năm, các xã tổ chức ngày hội đại đoàn kết.",
			"trước ngày 15/9 2023-09-15..2023-09-15 day | Các xã\n"},
		{"a year-less date that recurs on its own line", "3. Các xã gửi báo cáo về Sở trước ngày 15/9 hằng năm.\n4. Sở tổng hợp.", ""},
		{"before a month ends on the day before it", "3. Các xã gửi danh sách về Sở trước tháng 01/2024.",
			"trước tháng 01/2024 2023-12-31..2023-12-31 day | Các xã\n"},
		{"within a month keeps the month", "3. Các xã gửi danh sách về Sở trong tháng 01/2024.",
			"trong tháng 01/2024 2024-01-01..2024-01-31 month | Các xã\n"},
		{"what was done within a period is reported", "3. Dự toán năm 2024 không tính các khoản đã được cấp bổ sung trong năm 2023.", ""},
		{"what was done long before a later trong is no report", "3. Các huyện đã được tập huấn, tổ chức rà soát và gửi báo cáo tổng hợp về Sở Tài chính trong tháng 7/2023.",
			"trong tháng 7/2023 2023-07-01..2023-07-31 month | Các huyện\n"},
		{"occasion in parentheses is not a deadline", "17. Kỷ niệm 95 năm Ngày truyền thống (ngày 15-10-2025).", ""},
		{"an event's own dates are not a deadline", "19. Tham gia Hội chợ nông sản (diễn ra từ ngày 10/9 đến ngày 12/9/2023) tại thành phố.", ""},
		{"an event to organise in a window is a deadline", "20. Sở Công Thương tổ chức hội chợ từ ngày 10/9 đến ngày 12/9/2023.",
			"từ ngày 10/9 đến ngày 12/9/2023 2023-09-10..2023-09-12 range | Sở Công Thương\n"},
		{"the body in charge on the line below", "21. Hoàn thành việc tập huấn trước ngày 15/9/2023.\nĐơn vị chủ trì: Phòng Tư pháp huyện.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Phòng Tư pháp huyện\n"},
		{"a label below the next item is not this one's", "22. Hoàn thành việc tập huấn trước ngày 15/9/2023.\n23. Rà soát hồ sơ.\nĐơn vị chủ trì: Phòng Tư pháp huyện.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | \n"},
		{"a publishing house is a body", "24. Nhà xuất bản Tư pháp phát hành sổ tay hướng dẫn trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Nhà xuất bản Tư pháp\n"},
		{"publishing is a verb ending the subject", "25. Ban Tuyên giáo biên soạn, xuất bản tài liệu trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Ban Tuyên giáo\n"},
		{"a unit's code is a body", "26. PA05 tham mưu tổ chức sơ kết vào tháng 12/2023.",
			"vào tháng 12/2023 2023-12-01..2023-12-31 month | PA05\n"},
		{"a word in capitals is no unit code", "27. COVID tiếp tục diễn biến phức tạp; rà soát xong trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | \n"},
		{"a year's events are not a deadline", "28. Năm 2023, toàn tỉnh xảy ra 35 vụ cháy rừng.", ""},
		{"a year opening a task is a deadline", "29. Năm 2024, các xã hoàn thành việc cắm mốc.", "Năm 2024 2024-01-01..2024-12-31 year | các xã\n"},
		{"a forecast period is not a deadline", "30. Theo dự báo, mùa khô kéo dài từ tháng 11/2023 đến tháng 4/2024.", ""},
		{"a forecasting body's deadline is a deadline", "31. Đài Khí tượng gửi bản tin dự báo trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Đài Khí tượng\n"},
		{"a tax period's months are not a deadline", "32. Thời hạn nộp thuế giá trị gia tăng của kỳ tính thuế tháng 7, 8, 9/2023 được gia hạn 05 tháng.", ""},
		{"a tax period's month is not a deadline", "33. Thời hạn nộp thuế của kỳ tính thuế tháng 8/2023 được gia hạn.", ""},
		{"a report period's months are not a deadline", "33b. Số liệu kỳ báo cáo tháng 7, 8/2023 được tổng hợp.", ""},
		{"the results of a month are not a deadline", "34. Các huyện báo cáo kết quả tháng 8/2023 trước ngày 05/9/2023.",
			"trước ngày 05/9/2023 2023-09-05..2023-09-05 day | Các huyện\n"},
		{"a list of months to work in is one range", "35. Các xã hoàn thành trong tháng 8, 9/2023.",
			"trong tháng 8, 9/2023 2023-08-01..2023-09-30 range | Các xã\n"},
		{"results reported in a month still have their deadline", "37. Các xã báo cáo kết quả vào tháng 8/2023.",
			"vào tháng 8/2023 2023-08-01..2023-08-31 month | Các xã\n"},
		{"a time limit label keeps its month", "36. Các xã gửi hồ sơ. Thời hạn nộp: tháng 8/2023.",
			"tháng 8/2023 2023-08-01..2023-08-31 month | Các xã\n"},
		{"a sub-department is a body", "38. Chi cục Thuế tổ chức đối thoại với người nộp thuế xong trước 25/9/2023.",
			"trước 25/9/2023 2023-09-25..2023-09-25 day | Chi cục Thuế\n"},
		{"a branch association is a body", "39. Chi hội Nông dân thôn 3 gửi danh sách trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Chi hội Nông dân thôn 3\n"},
		{"a bank branch is a body", "40. Chi nhánh Ngân hàng Chính sách xã hội tỉnh gửi báo cáo trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | Chi nhánh Ngân hàng Chính sách xã hội tỉnh\n"},
		{"a cost is no body", "41. Chi phí tổ chức hội nghị được quyết toán trước ngày 20/9/2023.",
			"trước ngày 20/9/2023 2023-09-20..2023-09-20 day | \n"},
		{"the body after a long topic label", "42. Công tác chăm sóc sức khoẻ, hiến máu nhân đạo: Hội Chữ thập đỏ các huyện đăng ký chỉ tiêu, gửi về Tỉnh hội trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Hội Chữ thập đỏ các huyện\n"},
		{"a lower-case body after a task label", "45. Tổ chức học tập, quán triệt Chỉ thị 21 của Ban Bí thư: các huyện, thị, thành Hội hoàn thành trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | các huyện, thị, thành Hội\n"},
		{"a long label with its own subject names the body", "43. Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan thực hiện các nội dung sau: tổ chức tập huấn trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Sở Nội vụ\n"},
		{"an event after a subject's colon is no body", "46. Ban Tuyên giáo Huyện ủy phối hợp với Trung tâm Văn hóa huyện tổ chức các hoạt động sau: Hội thi tìm hiểu lịch sử Đảng hoàn thành trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Ban Tuyên giáo Huyện ủy\n"},
		{"a body as the label", "47. Các Trung tâm Y tế huyện, thành phố: rà soát, lập danh sách đối tượng xong trước 30/9/2023.",
			"trước 30/9/2023 2023-09-30..2023-09-30 day | Các Trung tâm Y tế huyện, thành phố\n"},
		{"a short label with no body", "48. Nội dung: tổ chức hội thi trước ngày 30/9/2023.", "trước ngày 30/9/2023 2023-09-30..2023-09-30 day | \n"},
		{"the body after a task that opens the item", "49- Chuẩn bị tổng kết công tác kiểm tra nhiệm kỳ 2020 - 2025, Văn phòng Ủy ban Kiểm tra hoàn thành số liệu trước 30/11/2023.",
			"trước 30/11/2023 2023-11-30..2023-11-30 day | Văn phòng Ủy ban Kiểm tra\n"},
		{"the body after a purpose", "50. Để chuẩn bị cho kỳ họp thường lệ, Sở Nội vụ tham mưu dự thảo Nghị quyết trước ngày 15/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Sở Nội vụ\n"},
		{"the body after a condition", "51. Sau khi Nghị quyết được thông qua, Ủy ban nhân dân tỉnh chỉ đạo rà soát, hoàn thành trong quý IV/2023.",
			"trong quý IV/2023 2023-10-01..2023-12-31 quarter | Ủy ban nhân dân tỉnh\n"},
		{"a list of bodies after a comma is no subject", "52. Tổ chức tập huấn cho cán bộ Hội Nông dân, Hội Phụ nữ hoàn thành trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | \n"},
		{"a body that a time word follows is no subject", "53. Tổ chức tập huấn cho cán bộ, Hội viên trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | \n"},
		{"a congress in lower case stands for its body", "54. Các chi bộ hoàn thành đại hội trước ngày 31/8/2023; đại hội đảng bộ cơ sở hoàn thành trong quý IV/2023.",
			"trước ngày 31/8/2023 2023-08-31..2023-08-31 day | Các chi bộ\ntrong quý IV/2023 2023-10-01..2023-12-31 quarter | đảng bộ cơ sở\n"},
		{"a congress with its count and term", "55. Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025 - 2030 tổ chức trong quý IV/2023.",
			"trong quý IV/2023 2023-10-01..2023-12-31 quarter | Đảng bộ tỉnh\n"},
		{"a congress of no body named is no body", "56. Đánh giá kết quả nhiệm kỳ; đại hội được tổ chức trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | \n"},
		{"hamlet heads are bodies", "57. Công chức Văn hóa - Xã hội phối hợp với Đài Truyền thanh xã tuyên truyền; Trưởng các ấp thông tin đến từng hộ gia đình trước ngày 10/7/2023.",
			"trước ngày 10/7/2023 2023-07-10..2023-07-10 day | Trưởng các ấp\n"},
		{"villages are bodies", "58. Các thôn, tổ dân phố lập danh sách gửi về xã trước ngày 10/7/2023.",
			"trước ngày 10/7/2023 2023-07-10..2023-07-10 day | Các thôn, tổ dân phố\n"},
		{"xong ends a subject", "59. Trung tâm Y tế huyện xong trước 30/9/2023.",
			"trước 30/9/2023 2023-09-30..2023-09-30 day | Trung tâm Y tế huyện\n"},
		{"information work in a name is no verb", "60. Ban Chỉ đạo công tác thông tin đối ngoại tỉnh báo cáo trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Ban Chỉ đạo công tác thông tin đối ngoại tỉnh\n"},
		{"a subject ends at an administrative verb", "61. Kho bạc Nhà nước đối chiếu số liệu chi với các đơn vị dự toán, gửi Bộ Tài chính chậm nhất ngày 25/7/2023.",
			"chậm nhất ngày 25/7/2023 2023-07-25..2023-07-25 day | Kho bạc Nhà nước\n"},
		{"a subject ends at cập nhật", "62. Trung tâm Trợ giúp pháp lý nhà nước tỉnh cập nhật tài liệu trên Cổng thông tin điện tử, hoàn thành chậm nhất là ngày 30/9/2023.",
			"chậm nhất là ngày 30/9/2023 2023-09-30..2023-09-30 day | Trung tâm Trợ giúp pháp lý nhà nước tỉnh\n"},
		{"a subject ends at a passive", "63. Riêng các đơn vị, địa phương được lựa chọn khảo sát, gửi dự thảo báo cáo trước ngày 30/7/2023.",
			"trước ngày 30/7/2023 2023-07-30..2023-07-30 day | các đơn vị, địa phương\n"},
		{"a group named by its work", "64. Đoàn kiểm tra báo cáo kết quả với Thường trực Tỉnh ủy vào cuối tháng 10/2023.",
			"vào cuối tháng 10/2023 2023-10-21..2023-10-31 part-of-month | Đoàn kiểm tra\n"},
		{"a council named by its work", "65. Hội đồng thẩm định hoàn thành hồ sơ trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Hội đồng thẩm định\n"},
		{"a fund is a body in capitals only", "66. Quỹ Hỗ trợ nông dân tỉnh giải ngân trước ngày 30/9/2023; quỹ đất còn lại giao trước ngày 30/10/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Quỹ Hỗ trợ nông dân tỉnh\ntrước ngày 30/10/2023 2023-10-30..2023-10-30 day | Quỹ Hỗ trợ nông dân tỉnh\n"},
		{"a recurring task in the next clause is another task", "67. Các xã gửi kế hoạch về Sở trước ngày 05/9; định kỳ hằng quý báo cáo kết quả.",
			"trước ngày 05/9 2023-09-05..2023-09-05 day | Các xã\n"},
		{"a date recurring in its own clause", "68. Các xã báo cáo trước ngày 20/9 hằng năm; Sở tổng hợp.", ""},
		{"a year opening a target is not a deadline", "69. Năm 2024, phấn đấu 100% xã có tổ chức Hội.", ""},
		{"a year opening a task after a target is a deadline", "70. Năm 2024, các xã phấn đấu và hoàn thành việc thành lập Hội.",
			"Năm 2024 2024-01-01..2024-12-31 year | các xã\n"},
		{"a submission due at a conference", "71. Giao Ban Tổ chức Tỉnh ủy tiếp thu ý kiến, hoàn chỉnh Đề án, trình Ban Chấp hành Đảng bộ tỉnh tại hội nghị quý 4/2023.",
			"tại hội nghị quý 4/2023 2023-10-01..2023-12-31 quarter | Ban Tổ chức Tỉnh ủy\n"},
		{"a conference named by two words", "72. Văn phòng Tỉnh ủy trình Ban Thường vụ tại hội nghị thường kỳ tháng 9/2023.",
			"tháng 9/2023 2023-09-01..2023-09-30 month | Văn phòng Tỉnh ủy\n"},
		{"a council's session is another body's event", "73. Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh tại kỳ họp thường lệ cuối năm 2023.", ""},
		{"a conference held in a place is no time limit", "74. Các huyện báo cáo tại hội nghị sơ kết của tỉnh ở huyện Cát Hải năm 2022.", ""},
		{"a verb after đơn vị ends the subject", "75. Đề nghị các địa phương, đơn vị hoàn thành báo cáo, gửi về Ban Dân vận trước ngày 30/8/2023.",
			"trước ngày 30/8/2023 2023-08-30..2023-08-30 day | các địa phương, đơn vị\n"},
		{"a unit's role after đơn vị stays in the name", "76. Các đơn vị thực hiện Đề án gửi báo cáo trước ngày 30/8/2023.",
			"trước ngày 30/8/2023 2023-08-30..2023-08-30 day | Các đơn vị thực hiện Đề án\n"},
		{"the bodies concerned", "77. Các cơ quan, đơn vị có liên quan gửi báo cáo trước ngày 30/8/2023.",
			"trước ngày 30/8/2023 2023-08-30..2023-08-30 day | Các cơ quan, đơn vị có liên quan\n"},
		{"each of them ends the subject", "78. Mặt trận Tổ quốc và các đoàn thể huyện mỗi đơn vị xây dựng ít nhất 01 mô hình vào đầu tháng 9/2023.",
			"vào đầu tháng 9/2023 2023-09-01..2023-09-10 part-of-month | Mặt trận Tổ quốc và các đoàn thể huyện\n"},
		{"each opening the subject stays", "79. Mỗi huyện ủy chọn 01 chi bộ làm đại hội điểm, hoàn thành trước ngày 30/9/2023.",
			"trước ngày 30/9/2023 2023-09-30..2023-09-30 day | Mỗi huyện ủy\n"},
		{"an agent noun keeps its verb", "80. Phòng Tuyên truyền - Hỗ trợ người nộp thuế đăng tải toàn văn Nghị định trước ngày 15/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Phòng Tuyên truyền - Hỗ trợ người nộp thuế\n"},
		{"works and traffic are nouns", "81. Phòng Quản lý giao thông và Ban Quản lý công trình thủy lợi rà soát xong trước ngày 15/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Phòng Quản lý giao thông và Ban Quản lý công trình thủy lợi\n"},
		{"an election is a noun", "82. Ủy ban bầu cử các xã hoàn thành niêm yết danh sách trước ngày 15/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Ủy ban bầu cử các xã\n"},
		{"soon ends the subject", "83. Đề nghị Ban Tổ chức Trung ương sớm có ý kiến trước ngày 15/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Ban Tổ chức Trung ương\n"},
		{"assigning ends the subject", "84. Sở Nội vụ giao các phòng rà soát xong trước ngày 15/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | các phòng\n"},
		{"a list of quarters is one range", "85. Các xã hoàn thành trong quý III, IV/2023.",
			"trong quý III, IV/2023 2023-07-01..2023-12-31 range | Các xã\n"},
		{"a list of months with và", "87. Các xã hoàn thành trong tháng 10, 11 và 12/2023.",
			"trong tháng 10, 11 và 12/2023 2023-10-01..2023-12-31 range | Các xã\n"},
		{"two days of one month", "89. Các xã tổ chức hội thao vào ngày 15 và 16/9/2023.",
			"vào ngày 15 và 16/9/2023 2023-09-15..2023-09-16 range | Các xã\n"},
		{"a span of days", "91. Các xã tổ chức hội thao vào ngày 15-16/9/2023.",
			"vào ngày 15-16/9/2023 2023-09-15..2023-09-16 range | Các xã\n"},
		{"quarters that follow on are one range", "93. Các xã hoàn thành trong quý III/2023 và quý IV/2023.",
			"trong quý III/2023 và quý IV/2023 2023-07-01..2023-12-31 range | Các xã\n"},
		{"months that follow on are one range", "95. Các xã hoàn thành trong tháng 10/2023 và tháng 11/2023.",
			"trong tháng 10/2023 và tháng 11/2023 2023-10-01..2023-11-30 range | Các xã\n"},
		{"months apart are no range", "98. Các xã hoàn thành trong tháng 8/2023 và tháng 12/2023.",
			"trong tháng 8/2023 2023-08-01..2023-08-31 month | Các xã\n"},
		{"two days joined by và are no range", "99. Các xã báo cáo trước ngày 15/9/2023 và ngày 16/9/2023.",
			"trước ngày 15/9/2023 2023-09-15..2023-09-15 day | Các xã\n"},
		{"a plan's year is not a deadline", "18. Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện năm 2023 như sau.", ""},
	}
	for _, tt := range tests {
		d := Parse(deadlineDoc(tt.body))
		if got := deadlineSummary(d); got != tt.want {
			t.Errorf("%s:\n%s\ngot:\n%swant:\n%s", tt.name, tt.body, got, tt.want)
		}
	}
}

// TestDeadlineTable: a table with a time column gives one deadline per row.
func TestDeadlineTable(t *testing.T) {
	body := "TT\tNội dung công việc\tCơ quan chủ trì\tThời gian hoàn thành\n1\tRà soát quy hoạch\tĐảng ủy Quân sự tỉnh\tQuý IV/2023\n2\tXây dựng cơ chế\tBan cán sự đảng UBND tỉnh\tNăm 2024"
	want := "Quý IV/2023 2023-10-01..2023-12-31 quarter | Đảng ủy Quân sự tỉnh\nNăm 2024 2024-01-01..2024-12-31 year | Ban cán sự đảng UBND tỉnh\n"
	if got := deadlineSummary(Parse(deadlineDoc(body))); got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
	// the same table in markdown pipes
	pipes := "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Tập huấn cán bộ | Sở Tư pháp | Cuối tháng 9/2023 |\n| 2 | Kiểm tra | Các sở | Thường xuyên |"
	want = "Cuối tháng 9/2023 2023-09-21..2023-09-30 part-of-month | Sở Tư pháp\n"
	if got := deadlineSummary(Parse(deadlineDoc(pipes))); got != want {
		t.Errorf("pipes got:\n%swant:\n%s", got, want)
	}
	// a pandoc table: rules of dashes, wrapped cells, a "Chủ thể thực hiện" column
	pandoc := "  ---------------------------------------------\n  Thời gian        Nội dung        Chủ thể thực hiện\n  ---------------- --------------- ------------------\n  Tháng 7/2023     Kiểm tra tài    Ủy ban Kiểm tra\n                   chính đảng      Thành ủy\n\n  Trước ngày 20/9  Sơ kết          Ban Thường vụ\n  ---------------------------------------------"
	want = "Tháng 7/2023 2023-07-01..2023-07-31 month | Ủy ban Kiểm tra Thành ủy\nTrước ngày 20/9 2023-09-20..2023-09-20 day | Ban Thường vụ\n"
	norm, _ := Normalize([]byte(deadlineDoc(pandoc)))
	if got := deadlineSummary(Parse(norm)); got != want {
		t.Errorf("pandoc got:\n%swant:\n%s", got, want)
	}
	// a .docx table flattened to one cell per line
	flat := "STT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n1\nTập huấn nghiệp vụ\nSở Tư pháp\nCác sở\n6 tháng cuối năm 2023\n2\nTổng kết\nVăn phòng UBND tỉnh\nSở Nội vụ\nNăm 2024\n"
	want = "6 tháng cuối năm 2023 2023-07-01..2023-12-31 part-of-year | Sở Tư pháp\nNăm 2024 2024-01-01..2024-12-31 year | Văn phòng UBND tỉnh\n"
	norm, _ = Normalize([]byte(deadlineDoc(flat)))
	if got := deadlineSummary(Parse(norm)); got != want {
		t.Errorf("flattened got:\n%swant:\n%s", got, want)
	}
	// a pipe table with no time column gives no table deadline
	noTime := "| STT | Đơn vị | Ghi chú |\n|---|---|---|\n| 1 | Sở Tư pháp | Tháng 9/2023 |"
	if got := deadlineSummary(Parse(deadlineDoc(noTime))); got != "" {
		t.Errorf("no time column got:\n%s", got)
	}
}

// TestRelativeDeadlines: limits counted from an event.
func TestRelativeDeadlines(t *testing.T) {
	d := Parse(deadlineDoc("1. Chương trình làm việc sẽ thông báo trước 10 ngày; hồ sơ giải quyết trong thời hạn 07 ngày làm việc.\n2. Báo cáo 6 tháng: gửi trước ngày 20/5 hằng năm."))
	var got []string
	for _, r := range d.RelativeDeadlines {
		got = append(got, r.Text)
	}
	if strings.Join(got, "|") != "trước 10 ngày|trong thời hạn 07 ngày làm việc|trước ngày 20/5" {
		t.Errorf("relative deadlines = %q", got)
	}
}
