# language: vi
# Gương của rules/tth_kh52_2022.yaml. Mô tả trích nguyên văn rules/sources/002_829e3e3cd49ca606.txt.
# Ngày đã kiểm tra: 10/02/2022 Thứ Năm; 21/08/2022 Chủ nhật; 21/10/2022 Thứ Sáu; 22/10/2022 Thứ Bảy;
# 31/12/2022 Thứ Bảy; 01/07/2022 + 3 tháng → 01/10/2022 Thứ Bảy → 03/10/2022 Thứ Hai (BLDS Điều 148.5).
Tính năng: Kế hoạch 52/KH-UBND năm 2022 của tỉnh Thừa Thiên Huế — thông báo tháng 10/2022 của Ban chỉ đạo 19
  Ban chỉ đạo 19 tỉnh Thừa Thiên Huế thông báo ngày 28/10/2022 tình hình thực hiện Kế hoạch 52/KH-UBND ngày
  10/02/2022 và đề nghị các cơ quan, đơn vị. Các quy tắc có hiệu lực từ 10/02/2022 đến 31/12/2022.

  @TTH-OBJECTIVES
  Quy tắc: Ban hành mục tiêu chất lượng và kế hoạch thực hiện mục tiêu năm 2022
    Căn cứ: "Căn cứ Kế hoạch số 52/KH-UBND ngày 10 tháng 02 năm 2022 của Ủy ban nhân dân tỉnh về triển khai xây
    dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 vào
    hoạt động của các cơ quan hành chính nhà nước tỉnh Thừa Thiên Huế năm 2022 (Kế hoạch 52);"
    Mục 1 điểm a (thuật lại tình hình): "Kế hoạch xây dựng, áp dụng, duy trì và cải tiến HTQLCL, Mục tiêu và Kế hoạch thực hiện mục tiêu
    chất lượng: 100% các cơ quan, đơn vị đã thực hiện."

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"

    Tình huống: mục tiêu năm 2022 ban hành ngày 20/01/2022 → đạt
      Cho mục "Mục tiêu chất lượng" gồm:
        | Năm  | Ngày ban hành |
        | 2022 | 20/01/2022    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" với "2022" có kết quả "đạt"
      Và hạn là "31/12/2022"
      Và ngày thực hiện là "20/01/2022"
      Và nguồn gồm "TTH/kh52"

    Khung tình huống: mục tiêu năm 2022 ban hành ngày <ban_hành> → <kết_quả>
      Cho mục "Mục tiêu chất lượng" gồm:
        | Năm  | Ngày ban hành |
        | 2022 | <ban_hành>    |
      Và ngày đánh giá là "15/01/2023"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" với "2022" có kết quả "<kết_quả>"
      Và hạn là "31/12/2022"

      Dữ liệu: 31/12/2022 là Thứ Bảy nhưng hạn không lùi
        | ban_hành   | kết_quả |
        | 31/12/2022 | đạt     |
        | 01/01/2023 | không đạt |

    Khung tình huống: chỉ có mục tiêu năm 2021, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Mục tiêu chất lượng" gồm:
        | Năm  | Ngày ban hành |
        | 2021 | 15/01/2021    |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" với "2022" có kết quả "<kết_quả>"
      Và hạn là "31/12/2022"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 10/02/2022 | chưa hoàn thành |
        | 31/12/2022 | chưa hoàn thành |
        | 02/01/2023 | không đạt  |

    Tình huống: mục tiêu chất lượng: đánh giá ngày 09/02/2022, trước Kế hoạch 52 → không áp dụng
      Cho mục "Mục tiêu chất lượng" trống
      Và ngày đánh giá là "09/02/2022"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" có kết quả "không áp dụng"

    Tình huống: tệp không có mục mục tiêu chất lượng → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" có kết quả "thiếu dữ liệu"

    Tình huống: sở chưa có HTQLCL không phải có mục tiêu chất lượng → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và mục "Mục tiêu chất lượng" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" có kết quả "không áp dụng"

    Tình huống: cơ quan công bố HTQLCL lần đầu năm 2023, sau khi kế hoạch năm 2022 hết hiệu lực → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "01/03/2023" theo "TCVN ISO 9001:2015"
      Và mục "Mục tiêu chất lượng" trống
      Và ngày đánh giá là "01/06/2023"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" có kết quả "không áp dụng"

    Tình huống: sở của tỉnh Quảng Ngãi → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Quảng Ngãi"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"
      Và mục "Mục tiêu chất lượng" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" có kết quả "không áp dụng"

    Khung tình huống: tỉnh viết "<viết>" vẫn là Thừa Thiên Huế → đạt
      Cho một cơ quan cấp "sở" tại tỉnh "<viết>"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"
      Và mục "Mục tiêu chất lượng" gồm:
        | Năm  | Ngày ban hành |
        | 2022 | 20/01/2022    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-OBJECTIVES" có kết quả "đạt"

      Dữ liệu: Huế là tên của tỉnh từ 01/01/2025 (thành phố trực thuộc trung ương), cùng địa giới
        | viết                 |
        | Thừa Thiên - Huế     |
        | tỉnh Thừa Thiên-Huế  |
        | TT Huế               |
        | Huế                  |
        | thành phố Huế        |

  @TTH-AUDIT-PROGRAM
  Quy tắc: Ban hành chương trình và kế hoạch đánh giá nội bộ năm 2022 trước khi đánh giá
    Căn cứ: "Căn cứ Kế hoạch số 52/KH-UBND ngày 10 tháng 02 năm 2022 của Ủy ban nhân dân tỉnh về triển khai xây
    dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 vào
    hoạt động của các cơ quan hành chính nhà nước tỉnh Thừa Thiên Huế năm 2022 (Kế hoạch 52);"
    Mục 1 điểm b (thuật lại tình hình): "Tình hình xây dựng Kế hoạch và triển khai đánh giá nội bộ năm 2022
    Một số cơ quan, đơn vị vẫn chưa hoàn thành việc xây dựng, ban hành: Chương trình và Kế hoạch đánh giá nội bộ năm
    2022 của cơ quan, đơn vị (có phụ lục kèm theo). Đến thời điểm hiện tại, có 10 cơ quan, đơn vị đã triển khai việc
    đánh giá nội bộ lần 1 và đã triển khai họp tiến hành xem xét của lãnh đạo bao gồm: (1) UBND tỉnh, (2) Sở Khoa
    học và Công nghệ, (3) Sở Công Thương, (4) Sở Lao động Thương binh và Xã hội, (5) Sở Y tế, (6) Sở Du lịch, (7) Ban
    dân tộc, (8) Ban Quản lý khu kinh tế công nghiệp tỉnh, (9) UBND huyện Quảng Điền, (10) UBND huyện Phú Lộc."

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"

    Tình huống: chương trình ban hành 01/03/2022, đánh giá nội bộ 05/10/2022 → đạt, hạn là ngày đánh giá
      Cho mục "Chương trình đánh giá nội bộ" gồm:
        | Năm  | Ngày ban hành |
        | 2022 | 01/03/2022    |
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 05/10/2022    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-AUDIT-PROGRAM" với "2022" có kết quả "đạt"
      Và hạn là "05/10/2022"
      Và ngày thực hiện là "01/03/2022"
      Và diễn giải cách tính có "đánh giá nội bộ đầu tiên"
      Và nguồn gồm "TTH/kh52"

    Khung tình huống: đánh giá nội bộ 05/10/2022, chương trình ban hành ngày <ban_hành> → <kết_quả>
      Cho mục "Chương trình đánh giá nội bộ" gồm:
        | Năm  | Ngày ban hành |
        | 2022 | <ban_hành>    |
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 05/10/2022    |
        | 20/11/2022    |
      Và ngày đánh giá là "28/12/2022"
      Khi đánh giá
      Thì quy tắc "TTH-AUDIT-PROGRAM" với "2022" có kết quả "<kết_quả>"
      Và hạn là "05/10/2022"

      Dữ liệu: hạn là lần đánh giá đầu tiên của năm, không phải lần sau
        | ban_hành   | kết_quả |
        | 05/10/2022 | đạt     |
        | 06/10/2022 | không đạt |

    Khung tình huống: chưa đánh giá nội bộ năm 2022, chưa có chương trình, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Chương trình đánh giá nội bộ" gồm:
        | Năm  | Ngày ban hành |
        | 2021 | 01/03/2021    |
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 20/11/2021    |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "TTH-AUDIT-PROGRAM" với "2022" có kết quả "<kết_quả>"
      Và hạn là "31/12/2022"

      Dữ liệu: chương trình và đợt đánh giá năm 2021 không tính cho năm 2022
        | đánh_giá   | kết_quả  |
        | 28/10/2022 | chưa hoàn thành |
        | 31/12/2022 | chưa hoàn thành |
        | 02/01/2023 | không đạt  |

    Khung tình huống: tệp không có mục "<thiếu>" → thiếu dữ liệu
      Cho mục "Chương trình đánh giá nội bộ" gồm:
        | Năm  | Ngày ban hành |
        | 2022 | 01/03/2022    |
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 05/10/2022    |
      Và không có mục "<thiếu>"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-AUDIT-PROGRAM" có kết quả "thiếu dữ liệu"

      Dữ liệu:
        | thiếu                        |
        | Chương trình đánh giá nội bộ |
        | Đánh giá nội bộ              |

    Tình huống: UBND xã của tỉnh khác → không áp dụng
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"
      Và mục "Chương trình đánh giá nội bộ" trống
      Và mục "Đánh giá nội bộ" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-AUDIT-PROGRAM" có kết quả "không áp dụng"

  @TTH-INTERNAL-15
  Quy tắc: Xây dựng, áp dụng 15 quy trình nội bộ bắt buộc trong năm 2022
    Mục 1 điểm d: "Kế hoạch triển khai tập huấn, hướng dẫn rà soát HTQLCL đồng bộ, duy trì cải tiến HTQLCL, đánh
    giá nội bộ HTQLCL; triển khai xây dựng, áp dụng 15 quy trình nội bộ bắt buộc áp dụng theo Tiêu chuẩn quốc gia
    TCVN ISO 9001:2015 để giải quyết công việc nội bộ tại các cơ quan hành chính nhà nước trên địa bàn tỉnh:"

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"

    Tình huống: 15 quy trình nội bộ ban hành ngày 30/06/2022 → đạt
      Cho cơ quan đã ban hành 15 quy trình nội bộ ngày "30/06/2022"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" với "2022" có kết quả "đạt"
      Và hạn là "31/12/2022"
      Và ngày thực hiện là "30/06/2022"
      Và nguồn gồm "TTH/1.d"

    Tình huống: quy trình ban hành từ trước năm 2022 cũng được đếm → đạt
      Cho cơ quan đã ban hành 10 quy trình nội bộ ngày "01/06/2020"
      Và cơ quan đã ban hành 6 quy trình nội bộ ngày "15/04/2022"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" có kết quả "đạt"
      Và ngày thực hiện là "15/04/2022"

    Khung tình huống: 14 quy trình, quy trình thứ 15 ban hành ngày <ban_hành> → <kết_quả>
      Cho cơ quan đã ban hành 14 quy trình nội bộ ngày "01/06/2022"
      Và cơ quan đã ban hành 1 quy trình nội bộ ngày "<ban_hành>"
      Và ngày đánh giá là "15/01/2023"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" có kết quả "<kết_quả>"
      Và hạn là "31/12/2022"

      Dữ liệu:
        | ban_hành   | kết_quả |
        | 31/12/2022 | đạt     |
        | 01/01/2023 | không đạt |

    Khung tình huống: mới có 14 quy trình, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho cơ quan đã ban hành 14 quy trình nội bộ ngày "01/06/2022"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 28/10/2022 | chưa hoàn thành |
        | 02/01/2023 | không đạt  |

    Tình huống: một quy trình ban hành lại (cùng mã) chỉ tính một lần → chưa hoàn thành
      Cho cơ quan đã ban hành 14 quy trình nội bộ ngày "01/06/2022"
      Và mục "Quy trình nội bộ" gồm:
        | Mã quy trình | Ngày ban hành |
        | QT-NB-01     | 01/09/2022    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" có kết quả "chưa hoàn thành"

    Tình huống: tệp không có mục quy trình nội bộ → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" có kết quả "thiếu dữ liệu"

    Tình huống: UBND huyện chưa có HTQLCL không phải có 15 quy trình → không áp dụng
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Phú Vang"
      Và cơ quan đã ban hành 15 quy trình nội bộ ngày "30/06/2022"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-INTERNAL-15" có kết quả "không áp dụng"

  @TTH-REDECLARE-LEGAL
  Quy tắc: Công bố lại HTQLCL ngay sau khi văn bản quy phạm pháp luật thay đổi có hiệu lực
    Mục 3 điểm a: "Thủ trưởng các cơ quan, đơn vị rà soát, chỉ đạo việc công bố lại HTQLCL của đơn vị mình ngay sau
    khi các văn bản quy phạm pháp luật thay đổi, bổ sung, điều chỉnh có hiệu lực; thường xuyên soát xét các quy trình
    tác nghiệp để ban hành, áp dụng theo Quyết định 19; khẩn trương triển khai đánh giá nội bộ theo Kế hoạch."
    Mục 3 điểm d: "Thủ trưởng các cơ quan, đơn vị chỉ đạo triển khai thực hiện rà soát các văn bản quy phạm pháp
    luật thay đổi, rà soát các TTHC mới ban hành, rà soát kiện toàn BCĐ ISO để thực hiện việc công bố lại HTQLCL phù
    hợp với TCVN ISO 9001:2015, triển khai xây dựng các quy trình giải quyết TTHC mới ban hành năm 2022 theo TCVN ISO
    9001:2015;"

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"

    Tình huống: cập nhật ngày 15/08/2022, công bố lại ngày 20/08/2022 → đạt; hạn lùi qua ngày nghỉ cuối tuần
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 42/2022/NĐ-CP | 01/07/2022       | 15/08/2022               |
      Và cơ quan công bố HTQLCL ngày "20/08/2022" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" với "Nghị định 42/2022/NĐ-CP" có kết quả "đạt"
      Và hạn là "03/10/2022"
      Và ngày thực hiện là "20/08/2022"
      Và diễn giải cách tính có "Thứ Bảy"
      Và nguồn gồm "TTH/3.a"

    Khung tình huống: công bố lại ngày <công_bố> → <kết_quả>
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 42/2022/NĐ-CP | 01/07/2022       | 15/08/2022               |
      Và cơ quan công bố HTQLCL ngày "<công_bố>" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" với "Nghị định 42/2022/NĐ-CP" có kết quả "<kết_quả>"
      Và hạn là "03/10/2022"

      Dữ liệu: 01/10/2022 là Thứ Bảy nên hạn là Thứ Hai 03/10/2022
        | công_bố    | kết_quả |
        | 03/10/2022 | đạt     |
        | 04/10/2022 | không đạt |

    Tình huống: công bố trước ngày cập nhật văn bản không tính → không đạt
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 42/2022/NĐ-CP | 01/07/2022       | 15/08/2022               |
      Và cơ quan công bố HTQLCL ngày "10/08/2022" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" với "Nghị định 42/2022/NĐ-CP" có kết quả "không đạt"

    Khung tình huống: văn bản chưa được cập nhật, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 42/2022/NĐ-CP | 01/07/2022       |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" với "Nghị định 42/2022/NĐ-CP" có kết quả "<kết_quả>"
      Và hạn là "03/10/2022"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 03/10/2022 | chưa hoàn thành |
        | 04/10/2022 | không đạt  |

    Tình huống: văn bản có hiệu lực năm 2021 không thuộc kế hoạch năm 2022; văn bản có hiệu lực 01/01/2022 thì thuộc
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL             | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 107/2021/NĐ-CP | 31/12/2021       | 15/02/2022               |
        | Thông tư 01/2022/TT-VPCP | 01/01/2022       | 15/02/2022               |
      Và cơ quan công bố HTQLCL ngày "20/02/2022" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" không có phát hiện nào với "Nghị định 107/2021/NĐ-CP"
      Và quy tắc "TTH-REDECLARE-LEGAL" với "Thông tư 01/2022/TT-VPCP" có kết quả "đạt"
      Và hạn là "01/04/2022"

    Tình huống: văn bản có hiệu lực trước ngày công bố lần đầu không thuộc quy tắc
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "01/09/2022" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 42/2022/NĐ-CP | 01/07/2022       |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" không có phát hiện nào với "Nghị định 42/2022/NĐ-CP"

    Tình huống: tệp không có mục thay đổi văn bản → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" có kết quả "thiếu dữ liệu"

    Tình huống: sở của tỉnh Lạng Sơn → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 42/2022/NĐ-CP | 01/07/2022       |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-REDECLARE-LEGAL" có kết quả "không áp dụng"

  @TTH-COMMITTEE
  Quy tắc: Kiện toàn Ban chỉ đạo ISO khi có luân chuyển, thay đổi cán bộ
    Mục 3 điểm b: "Các cơ quan, đơn vị rà soát, thực hiện việc kiện toàn Ban chỉ đạo ISO nếu có sự luân chuyển, thay
    đổi cán bộ để kịp thời chỉ đạo việc triển khai xây dựng và áp dụng HTQLCL phù hợp với các yêu cầu của Tiêu chuẩn
    quốc gia TCVN ISO 9001:2015 tại đơn vị."

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "15/03/2019" theo "TCVN ISO 9001:2015"
      Và Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2019"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    | Đến ngày   |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2019 | 30/06/2022 |
        | Trần Thị Bình | Thành viên          | không               | 01/03/2019 |            |

    Tình huống: trưởng ban rời ban 30/06/2022, kiện toàn ngày 01/08/2022 → đạt
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/08/2022"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-COMMITTEE" với "Nguyễn Văn An" có kết quả "đạt"
      Và ngày thực hiện là "01/08/2022"
      Và không có hạn
      Và nguồn gồm "TTH/3.b"

    Khung tình huống: quyết định kiện toàn ngày <quyết_định> → <kết_quả>
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "<quyết_định>"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-COMMITTEE" với "Nguyễn Văn An" có kết quả "<kết_quả>"

      Dữ liệu: quyết định trước ngày rời ban không phải là kiện toàn sau thay đổi
        | quyết_định | kết_quả  |
        | 30/06/2022 | đạt      |
        | 29/06/2022 | chưa hoàn thành |

    Tình huống: chưa kiện toàn → chưa hoàn thành, vì "kịp thời" không phải thời hạn
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-COMMITTEE" với "Nguyễn Văn An" có kết quả "chưa hoàn thành"
      Và không có hạn
      Và diễn giải cách tính có "văn bản không quy định thời hạn"

    Tình huống: thành viên rời ban năm 2021 hoặc sau ngày đánh giá không thuộc quy tắc
      Cho mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    | Đến ngày   |
        | Lê Văn Cường  | Thành viên          | không               | 01/03/2019 | 15/11/2021 |
        | Phạm Thị Dung | Thành viên          | không               | 01/03/2019 | 15/12/2022 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-COMMITTEE" không có phát hiện nào với "Lê Văn Cường"
      Và quy tắc "TTH-COMMITTEE" không có phát hiện nào với "Phạm Thị Dung"
      Và quy tắc "TTH-COMMITTEE" với "Nguyễn Văn An" có kết quả "chưa hoàn thành"

    Tình huống: tệp không có mục Ban chỉ đạo ISO → thiếu dữ liệu
      Cho không có mục "Ban chỉ đạo ISO"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-COMMITTEE" có kết quả "thiếu dữ liệu"

    Tình huống: đánh giá sau khi kế hoạch hết hiệu lực: cơ quan công bố lần đầu năm 2023 → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "01/03/2023" theo "TCVN ISO 9001:2015"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    | Đến ngày   |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2019 | 30/06/2022 |
      Và ngày đánh giá là "01/06/2023"
      Khi đánh giá
      Thì quy tắc "TTH-COMMITTEE" có kết quả "không áp dụng"

  @TTH-MONTHLY-REPORT
  Quy tắc: UBND cấp huyện gửi báo cáo tình hình HTQLCL hằng tháng trước ngày 22
    Mục 3 điểm c: "Đề nghị Thủ trưởng UBND các huyện quan tâm, chỉ đạo các thành viên của Ban chỉ đạo ISO của đơn
    vị thực hiện việc tổng hợp và gửi báo cáo tình hình triển khai xây dựng, áp dụng, duy trì và cải tiến HTQLCL trên
    địa bàn về Ban chỉ đạo 19 (thông qua Sở Khoa học và Công nghệ - cơ quan thường trực của Ban chỉ đạo 19) trước
    ngày 22 hàng tháng."

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"

    Tình huống: báo cáo tháng 10/2022 gửi ngày 20/10/2022 → đạt
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi   |
        | Hằng tháng   | 2022-10    | 20/10/2022 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" với "2022-10" có kết quả "đạt"
      Và hạn là "21/10/2022"
      Và ngày thực hiện là "20/10/2022"
      Và nguồn gồm "TTH/3.c"

    Khung tình huống: báo cáo tháng 10/2022 gửi ngày <gửi> → <kết_quả>
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi |
        | Hằng tháng   | 2022-10    | <gửi>    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" với "2022-10" có kết quả "<kết_quả>"
      Và hạn là "21/10/2022"

      Dữ liệu: "trước ngày 22": ngày 21 là ngày cuối cùng
        | gửi        | kết_quả |
        | 21/10/2022 | đạt     |
        | 22/10/2022 | không đạt |

    Tình huống: ngày 21/08/2022 là Chủ nhật nhưng hạn không lùi: gửi Thứ Hai 22/08/2022 → không đạt
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi   |
        | Hằng tháng   | 2022-08    | 22/08/2022 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" với "2022-08" có kết quả "không đạt"
      Và hạn là "21/08/2022"

    Khung tình huống: chưa gửi báo cáo tháng 10/2022, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" với "2022-10" có kết quả "<kết_quả>"
      Và hạn là "21/10/2022"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 21/10/2022 | chưa hoàn thành |
        | 22/10/2022 | không đạt  |

    Tình huống: tháng đầu tiên là tháng 02/2022, không có tháng 01/2022
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "28/02/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" không có phát hiện nào với "2022-01"
      Và quy tắc "TTH-MONTHLY-REPORT" với "2022-02" có kết quả "không đạt"
      Và hạn là "21/02/2022"

    Tình huống: tháng cuối cùng là tháng 12/2022, không có tháng 01/2023
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "15/01/2023"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" với "2022-12" có kết quả "không đạt"
      Và hạn là "21/12/2022"
      Và quy tắc "TTH-MONTHLY-REPORT" không có phát hiện nào với "2023-01"

    Tình huống: báo cáo quý không thay báo cáo tháng → không đạt
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi   |
        | Hằng quý     | 2022-Q3    | 15/09/2022 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" với "2022-09" có kết quả "không đạt"

    Tình huống: UBND huyện: tệp không có mục báo cáo → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" có kết quả "thiếu dữ liệu"

    Tình huống: báo cáo tháng: đánh giá ngày 09/02/2022, trước Kế hoạch 52 → không áp dụng
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "09/02/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" có kết quả "không áp dụng"

    Khung tình huống: cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>" không phải UBND cấp huyện của tỉnh → không áp dụng
      Cho một cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>", huyện "<huyện>"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "TTH-MONTHLY-REPORT" có kết quả "không áp dụng"

      Dữ liệu:
        | cấp   | tỉnh           | huyện      |
        | xã    | Thừa Thiên Huế | Quảng Điền |
        | phòng | Thừa Thiên Huế | Quảng Điền |
        | huyện | Quảng Ngãi     | Mộ Đức     |

    Khung tình huống: tên tỉnh viết "<viết>" → dữ liệu bị từ chối, gợi ý "Thừa Thiên Huế"
      Cho một cơ quan cấp "huyện" tại tỉnh "<viết>", huyện "Quảng Điền"
      Khi kiểm tra dữ liệu
      Thì dữ liệu bị từ chối ở trường "Tỉnh, thành phố" với gợi ý "Thừa Thiên Huế"

      Dữ liệu: không dấu hoặc sai dấu không được đoán thay người nhập
        | viết           |
        | Thua Thien Hue |
        | Thừa Thiên Huệ |
