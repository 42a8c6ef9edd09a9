# language: vi
Tính năng: Kế hoạch minh họa năm 2026 của tỉnh Lâm Đồng về duy trì, cải tiến HTQLCL
  Gói quy tắc ví dụ của hướng dẫn (docs/goi-quy-tac.md): ba loại yêu cầu hay gặp trong kế hoạch năm của
  một tỉnh, mỗi quy tắc với trường hợp đạt, vi phạm, thiếu dữ liệu và các ngày biên.

  @LD26-MONTHLY-REPORT
  Quy tắc: Sở, ban, ngành và UBND cấp xã gửi báo cáo HTQLCL hằng tháng trước ngày 15
    Mục III khoản 1: "Các sở, ban, ngành và Ủy ban nhân dân cấp xã gửi báo cáo tình hình duy trì, cải tiến Hệ
    thống quản lý chất lượng của đơn vị về Sở Khoa học và Công nghệ trước ngày 15 hằng tháng."
    Cách hiểu: ngày cuối cùng đúng hạn là ngày 14, ngày cố định, không lùi ngày nghỉ. Các tháng phải báo cáo là
    tháng 01 đến tháng 12 năm 2026.

    Bối cảnh:
      Cho cơ quan theo tệp mẫu "so-noi-vu-lam-dong"

    Tình huống: báo cáo tháng 01/2026 gửi ngày 12/01/2026 → đạt
      Cho ngày đánh giá là "31/03/2026"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" với "2026-01" có kết quả "đạt"
      Và hạn là "14/01/2026"
      Và ngày thực hiện là "12/01/2026"
      Và nguồn gồm "LD26/III.1"

    Tình huống: báo cáo tháng 03/2026 gửi ngày 16/03/2026 → vi phạm
      Cho ngày đánh giá là "31/03/2026"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" với "2026-03" có kết quả "vi phạm"
      Và hạn là "14/03/2026"
      Và ngày thực hiện là "16/03/2026"

    Khung tình huống: báo cáo tháng 04/2026 gửi ngày <gửi> → <kết_quả>
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi |
        | Hằng tháng   | 2026-04    | <gửi>    |
      Và ngày đánh giá là "30/04/2026"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" với "2026-04" có kết quả "<kết_quả>"
      Và hạn là "14/04/2026"

      Dữ liệu: "trước ngày 15": ngày 14 là ngày cuối cùng
        | gửi        | kết_quả |
        | 14/04/2026 | đạt     |
        | 15/04/2026 | vi phạm |

    Khung tình huống: ngày 14/02/2026 rơi vào kỳ nghỉ Tết nhưng hạn không lùi: gửi ngày <gửi> → <kết_quả>
      Cho mục "Báo cáo" trống
      Và mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi |
        | Hằng tháng   | 2026-02    | <gửi>    |
      Và ngày đánh giá là "31/03/2026"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" với "2026-02" có kết quả "<kết_quả>"
      Và hạn là "14/02/2026"

      Dữ liệu: nghỉ Tết Bính Ngọ từ 14/02 đến hết 22/02/2026
        | gửi        | kết_quả |
        | 13/02/2026 | đạt     |
        | 23/02/2026 | vi phạm |

    Khung tình huống: chưa gửi báo cáo tháng 05/2026, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" với "2026-05" có kết quả "<kết_quả>"
      Và hạn là "14/05/2026"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 14/05/2026 | đang chờ |
        | 15/05/2026 | vi phạm  |

    Tình huống: tháng đầu tiên là tháng 01/2026, tháng cuối cùng là tháng 12/2026
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "31/01/2027"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" không có phát hiện nào với "2025-12"
      Và quy tắc "LD26-MONTHLY-REPORT" với "2026-12" có kết quả "vi phạm"
      Và hạn là "14/12/2026"
      Và quy tắc "LD26-MONTHLY-REPORT" không có phát hiện nào với "2027-01"

    Tình huống: tệp không có mục báo cáo → thiếu dữ liệu
      Cho không có mục "Báo cáo"
      Và ngày đánh giá là "31/03/2026"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" có kết quả "thiếu dữ liệu"

    Tình huống: đánh giá ngày 31/12/2025, trước khi kế hoạch có hiệu lực → không áp dụng
      Cho ngày đánh giá là "31/12/2025"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" có kết quả "không áp dụng"

    Khung tình huống: cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>" → không áp dụng
      Cho một cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "31/03/2026"
      Khi đánh giá
      Thì quy tắc "LD26-MONTHLY-REPORT" có kết quả "không áp dụng"

      Dữ liệu: chỉ sở, ban, ngành và UBND cấp xã của tỉnh Lâm Đồng
        | cấp  | tỉnh     |
        | tỉnh | Lâm Đồng |
        | sở   | Khánh Hòa |

  @LD26-COMMUNE-TARGET
  Quy tắc: Đến hết năm 2026, trên 90% UBND cấp xã của tỉnh công bố HTQLCL
    Mục II khoản 1: "Phấn đấu đến hết năm 2026, trên 90% Ủy ban nhân dân cấp xã trên địa bàn tỉnh công bố Hệ thống
    quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015."
    Cách hiểu: chỉ tiêu của cả tỉnh, xét trên một danh mục. Mẫu số là mọi UBND cấp xã của tỉnh Lâm Đồng trong danh
    mục; tử số là số xã có quyết định công bố đề ngày trước hoặc bằng 31/12/2026. "Trên 90%" đọc theo nghĩa đen:
    đúng 90% là chưa đạt.

    Tình huống: 10 trong 10 xã đã công bố → đạt
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lâm Đồng", trong đó 10 đã công bố HTQLCL ngày "15/09/2025"
      Và ngày đánh giá là "15/01/2027"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" với "2026" có kết quả "đạt"
      Và hạn là "31/12/2026"
      Và mẫu số là 10 đơn vị, trong đó 10 đã công bố
      Và nguồn gồm "LD26/II.1"

    Khung tình huống: <đã_công_bố> trong 100 xã đã công bố → <kết_quả>
      Cho danh mục gồm 100 UBND cấp xã của tỉnh "Lâm Đồng", trong đó <đã_công_bố> đã công bố HTQLCL ngày "15/09/2025"
      Và ngày đánh giá là "15/01/2027"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" có kết quả "<kết_quả>"
      Và mẫu số là 100 đơn vị, trong đó <đã_công_bố> đã công bố

      Dữ liệu: đúng 90% chưa phải "trên 90%"
        | đã_công_bố | kết_quả |
        | 90         | vi phạm |
        | 91         | đạt     |

    Khung tình huống: xã thứ mười công bố ngày <công_bố> → <kết_quả>
      Cho danh mục gồm 9 UBND cấp xã của tỉnh "Lâm Đồng", trong đó 9 đã công bố HTQLCL ngày "15/09/2025"
      Và danh mục có thêm 1 UBND cấp xã của tỉnh "Lâm Đồng" công bố HTQLCL ngày "<công_bố>"
      Và ngày đánh giá là "15/01/2027"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" có kết quả "<kết_quả>"
      Và hạn là "31/12/2026"

      Dữ liệu: hạn là hết ngày 31/12/2026
        | công_bố    | kết_quả |
        | 31/12/2026 | đạt     |
        | 01/01/2027 | vi phạm |

    Tình huống: giữa năm 2026 mới có 90% → đang chờ đến hết năm
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lâm Đồng", trong đó 9 đã công bố HTQLCL ngày "15/09/2025"
      Và ngày đánh giá là "30/06/2026"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" có kết quả "đang chờ"
      Và hạn là "31/12/2026"

    @mẫu_số
    Tình huống: mẫu số chỉ gồm UBND cấp xã của tỉnh Lâm Đồng
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lâm Đồng", trong đó 10 đã công bố HTQLCL ngày "15/09/2025"
      Và danh mục có thêm 4 cơ quan cấp "sở" của tỉnh "Lâm Đồng" chưa công bố HTQLCL
      Và danh mục có thêm 6 UBND cấp xã của tỉnh "Khánh Hòa" chưa công bố HTQLCL
      Và ngày đánh giá là "15/01/2027"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" có kết quả "đạt"
      Và mẫu số là 10 đơn vị, trong đó 10 đã công bố

    Tình huống: danh mục có cơ quan của tỉnh nhưng không có UBND cấp xã nào → thiếu dữ liệu
      Cho danh mục gồm 6 UBND cấp xã của tỉnh "Khánh Hòa", trong đó 6 đã công bố HTQLCL ngày "15/09/2025"
      Và danh mục có thêm 4 cơ quan cấp "sở" của tỉnh "Lâm Đồng" công bố HTQLCL ngày "10/05/2019"
      Và ngày đánh giá là "15/01/2027"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" có kết quả "thiếu dữ liệu"

    Tình huống: danh mục của tỉnh khác → không áp dụng
      Cho danh mục gồm 6 UBND cấp xã của tỉnh "Khánh Hòa", trong đó 6 đã công bố HTQLCL ngày "15/09/2025"
      Và ngày đánh giá là "15/01/2027"
      Khi đánh giá danh mục
      Thì quy tắc "LD26-COMMUNE-TARGET" có kết quả "không áp dụng"

  @LD26-LEGAL-UPDATE
  Quy tắc: Cập nhật văn bản quy phạm pháp luật có hiệu lực năm 2026 vào HTQLCL trong hai tháng
    Mục II khoản 2: "Trong thời hạn 02 tháng kể từ ngày văn bản quy phạm pháp luật có liên quan có hiệu lực, các cơ
    quan, đơn vị đã công bố Hệ thống quản lý chất lượng phải cập nhật các thay đổi của văn bản đó vào Hệ thống quản
    lý chất lượng."
    Cách hiểu: hạn tính theo Bộ luật Dân sự Điều 147–148: không tính ngày có hiệu lực; hết tháng thiếu ngày thì lấy
    ngày cuối tháng; ngày cuối cùng là ngày nghỉ thì lùi sang ngày làm việc tiếp theo. Quy tắc quốc gia ba tháng
    (QD19-LEGAL-UPDATE) vẫn áp dụng song song.

    Bối cảnh:
      Cho cơ quan theo tệp mẫu "so-noi-vu-lam-dong"

    Tình huống: văn bản có hiệu lực 15/01/2026, cập nhật 10/03/2026 → đạt
      Cho ngày đánh giá là "30/06/2026"
      Khi đánh giá
      Thì quy tắc "LD26-LEGAL-UPDATE" với "Nghị định 25/2026/NĐ-CP (ví dụ)" có kết quả "đạt"
      Và hạn là "16/03/2026"
      Và diễn giải cách tính có "15/03/2026 là Chủ nhật"
      Và ngày thực hiện là "10/03/2026"
      Và nguồn gồm "LD26/II.2"

    Tình huống: chưa cập nhật văn bản có hiệu lực 31/01/2026 → vi phạm, còn quy tắc ba tháng thì chưa đến hạn
      Cho ngày đánh giá là "15/04/2026"
      Khi đánh giá
      Thì quy tắc "LD26-LEGAL-UPDATE" với "Thông tư 02/2026/TT-BKHCN (ví dụ)" có kết quả "vi phạm"
      Và hạn là "31/03/2026"
      Và quy tắc "QD19-LEGAL-UPDATE" với "Thông tư 02/2026/TT-BKHCN (ví dụ)" có kết quả "đang chờ"

    Khung tình huống: văn bản có hiệu lực <hiệu_lực>, cập nhật <cập_nhật> → <kết_quả>
      Cho mục "Thay đổi văn bản QPPL" trống
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Văn bản X    | <hiệu_lực>       | <cập_nhật>               |
      Và ngày đánh giá là "30/06/2027"
      Khi đánh giá
      Thì quy tắc "LD26-LEGAL-UPDATE" với "Văn bản X" có kết quả "<kết_quả>"
      Và hạn là "<hạn>"

      Dữ liệu: tháng thiếu ngày, ngày nghỉ cuối tuần và Tết
        | hiệu_lực   | cập_nhật   | hạn        | kết_quả |
        | 31/03/2026 | 31/05/2026 | 01/06/2026 | đạt     |
        | 31/03/2026 | 02/06/2026 | 01/06/2026 | vi phạm |
        | 30/12/2026 | 01/03/2027 | 01/03/2027 | đạt     |
        | 30/12/2026 | 02/03/2027 | 01/03/2027 | vi phạm |
        | 06/12/2026 | 11/02/2027 | 11/02/2027 | đạt     |
        | 06/12/2026 | 12/02/2027 | 11/02/2027 | vi phạm |

    Tình huống: văn bản có hiệu lực ngày 31/12/2025 không thuộc kế hoạch năm 2026
      Cho mục "Thay đổi văn bản QPPL" trống
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL | Ngày có hiệu lực |
        | Văn bản Y    | 31/12/2025       |
      Và ngày đánh giá là "30/06/2026"
      Khi đánh giá
      Thì quy tắc "LD26-LEGAL-UPDATE" không có phát hiện nào với "Văn bản Y"
      Và quy tắc "QD19-LEGAL-UPDATE" với "Văn bản Y" có kết quả "vi phạm"

    Tình huống: tệp không có mục thay đổi văn bản → thiếu dữ liệu
      Cho không có mục "Thay đổi văn bản QPPL"
      Và ngày đánh giá là "30/06/2026"
      Khi đánh giá
      Thì quy tắc "LD26-LEGAL-UPDATE" có kết quả "thiếu dữ liệu"

    Tình huống: cơ quan chưa công bố HTQLCL → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Lâm Đồng"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL | Ngày có hiệu lực |
        | Văn bản Z    | 15/01/2026       |
      Và ngày đánh giá là "30/06/2026"
      Khi đánh giá
      Thì quy tắc "LD26-LEGAL-UPDATE" có kết quả "không áp dụng"

  Tình huống: đánh giá nội bộ của cơ quan tại Lâm Đồng năm 2026 trích thêm mục II khoản 3 của kế hoạch
    Cho cơ quan theo tệp mẫu "so-noi-vu-lam-dong"
    Và mục "Đánh giá nội bộ" gồm:
      | Ngày đánh giá |
      | 15/10/2026    |
    Và ngày đánh giá là "31/12/2026"
    Khi đánh giá
    Thì quy tắc "QD19-INTERNAL-AUDIT" với "2026" có kết quả "đạt"
    Và nguồn gồm "LD26/II.3"
