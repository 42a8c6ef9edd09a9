# language: vi
# Gương của rules/qd19_2014.yaml: một khối "Quy tắc" cho mỗi quy tắc, gắn thẻ mã quy tắc, theo thứ tự của
# Quyết định. Mô tả trích nguyên văn điều khoản (rules/sources/qd-19-2014-qd-ttg.md và tt-26-2014-tt-bkhcn.md)
# (cách hiểu chỉ viết một lần, trong tệp quy tắc). Các ngày hạn trong bảng đã được kiểm tra bằng lịch pháp lý (BLDS 2015 Điều 147–148).
# Cơ quan mẫu "sở" (cấp tỉnh) dùng cho các ngày sau 30/06/2025, vì cơ quan cấp huyện chấm dứt từ 01/07/2025.
Tính năng: Quyết định 19/2014/QĐ-TTg — áp dụng Hệ thống quản lý chất lượng trong cơ quan hành chính nhà nước
  Quyết định về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt
  động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước. Thủ tướng Chính phủ ký ngày 05/03/2014,
  có hiệu lực từ ngày 18/05/2014.

  @QD19-ADOPT
  Quy tắc: Cơ quan thuộc diện bắt buộc phải xây dựng, áp dụng và công bố HTQLCL
    Điều 2 khoản 1: "Các cơ quan sau đây phải xây dựng và áp dụng Hệ thống quản lý chất lượng:"
    Điều 4 khoản 3: "Cơ quan áp dụng Hệ thống quản lý chất lượng công bố Hệ thống quản lý chất lượng phù hợp
    Tiêu chuẩn quốc gia TCVN ISO 9001:2008 (theo mẫu quy định tại Phụ lục I ban hành kèm theo Quyết định này) và
    thông báo bằng văn bản đến đơn vị chủ trì quy định tại Khoản 3 hoặc Khoản 4 Điều 12 Quyết định này để theo
    dõi, tổng hợp; niêm yết tại trụ sở cơ quan và đăng tải trên trang thông tin điện tử của cơ quan (nếu có)."
    Điều 15: "Quyết định này có hiệu lực thi hành kể từ ngày 18 tháng 5 năm 2014 và thay thế Quyết định số
    144/2006/QĐ-TTg ngày 20 tháng 6 năm 2006 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng
    theo Tiêu chuẩn TCVN ISO 9001:2000 vào hoạt động của các cơ quan hành chính nhà nước và Quyết định số
    118/2009/QĐ-TTg ngày 30 tháng 9 năm 2009 của Thủ tướng Chính phủ về việc sửa đổi, bổ sung một số điều của Quyết
    định số 144/2006/QĐ-TTg."

    Tình huống: UBND huyện đã công bố HTQLCL → đạt
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" với "HTQLCL" có kết quả "đạt"
      Và ngày thực hiện là "10/05/2016"
      Và không có hạn
      Và nguồn gồm "QD19/2.1"
      Và nguồn gồm "QD19/4.3"
      Và nguồn gồm "QD19/15"

    Tình huống: UBND huyện có từ trước năm 2014 chưa công bố HTQLCL → không đạt, vì Quyết định không có thời gian chuyển tiếp
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không đạt"
      Và không có hạn
      Và diễn giải cách tính có "không đặt thời gian chuyển tiếp"

    Khung tình huống: sở chưa có HTQLCL, đánh giá ngày <đánh_giá> → <kết_quả> (Quyết định có hiệu lực từ 18/05/2014)
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả       |
        | 17/05/2014 | không áp dụng |
        | 18/05/2014 | không đạt       |
        | 19/05/2014 | không đạt       |
        | 28/10/2022 | không đạt       |

    Khung tình huống: cơ quan cấp "<cấp>" chưa công bố HTQLCL → không đạt
      Cho một cơ quan cấp "<cấp>" tại tỉnh "Thừa Thiên Huế"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không đạt"

      Dữ liệu:
        | cấp        |
        | trung ương |
        | tỉnh       |
        | sở         |

    Tình huống: phòng chuyên môn thuộc UBND huyện chưa công bố HTQLCL → không đạt
      Cho một cơ quan cấp "phòng" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không đạt"

    Tình huống: công bố HTQLCL năm 2020, muộn sáu năm, vẫn là đạt tại ngày đánh giá
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan công bố HTQLCL ngày "15/03/2020" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "đạt"
      Và ngày thực hiện là "15/03/2020"

    Khung tình huống: công bố ngày 11/05/2016, đánh giá ngày <đánh_giá> → <kết_quả> (việc sau ngày đánh giá không tính)
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "11/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả |
        | 10/05/2016 | không đạt |
        | 11/05/2016 | đạt     |

    Khung tình huống: sở thành lập ngày <thành_lập>, chưa công bố, đánh giá ngày 28/10/2022 → <kết_quả>
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan thành lập ngày "<thành_lập>"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"

      Dữ liệu: cơ quan thành lập đúng ngày 18/05/2014 đã có vào ngày đó
        | thành_lập  | kết_quả  |
        | 17/05/2014 | không đạt  |
        | 18/05/2014 | không đạt  |
        | 19/05/2014 | chưa hoàn thành |

    Tình huống: sở thành lập năm 2023, chưa công bố, không đặt thời hạn ân hạn → chưa hoàn thành
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan thành lập ngày "01/03/2023"
      Và ngày đánh giá là "01/10/2025"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "chưa hoàn thành"
      Và không có hạn
      Và diễn giải cách tính có "văn bản không quy định thời hạn"

    Khung tình huống: sở thành lập ngày 01/03/2023, tỉnh đặt thời hạn 12 tháng, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan thành lập ngày "01/03/2023"
      Và tham số "thời gian ân hạn sau khi thành lập (tháng)" của quy tắc "QD19-ADOPT" là "12"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"
      Và hạn là "01/03/2024"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 01/03/2024 | chưa hoàn thành |
        | 02/03/2024 | không đạt  |

    Tình huống: sở thành lập năm 2023 công bố sau thời hạn 12 tháng → vẫn đạt, vì đây là nghĩa vụ xét tại ngày đánh giá
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan thành lập ngày "01/03/2023"
      Và tham số "thời gian ân hạn sau khi thành lập (tháng)" của quy tắc "QD19-ADOPT" là "12"
      Và cơ quan công bố HTQLCL ngày "15/04/2024" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "01/10/2025"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "đạt"
      Và ngày thực hiện là "15/04/2024"

    Tình huống: UBND xã chưa có HTQLCL không thuộc diện bắt buộc → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không áp dụng"

    Tình huống: UBND xã đã tự nguyện áp dụng HTQLCL vẫn không thuộc diện bắt buộc của Điều 2 khoản 1 → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-an-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không áp dụng"

    Khung tình huống: cơ quan cấp <cấp> chấm dứt sau 30/06/2025; đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "<cấp>" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"

      Dữ liệu:
        | cấp   | đánh_giá   | kết_quả       |
        | huyện | 30/06/2025 | đạt           |
        | huyện | 01/07/2025 | không áp dụng |
        | phòng | 30/06/2025 | đạt           |
        | phòng | 01/07/2025 | không áp dụng |

    Khung tình huống: UBND huyện chưa có HTQLCL, đánh giá ngày <đánh_giá> → <kết_quả> (ngày hoạt động cuối cùng 30/06/2025)
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả       |
        | 30/06/2025 | không đạt       |
        | 01/07/2025 | không áp dụng |
        | 15/03/2026 | không áp dụng |

    Khung tình huống: Sở của tỉnh Kon Tum (sắp xếp vào tỉnh Quảng Ngãi từ 01/07/2025) chưa có HTQLCL, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "sở" tại tỉnh "Kon Tum"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả       |
        | 30/06/2025 | không đạt       |
        | 01/07/2025 | không áp dụng |
        | 15/10/2025 | không áp dụng |

    Tình huống: Sở của tỉnh Kon Tum đánh giá tháng 10/2025 → không áp dụng, có cảnh báo nêu tỉnh kế thừa
      Cho một cơ quan cấp "sở" tại tỉnh "Kon Tum"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "15/10/2025"
      Khi đánh giá bằng dòng lệnh
      Thì quy tắc "QD19-ADOPT" có kết quả "không áp dụng"
      Và thông điệp có "Nghị quyết 202/2025/QH15"
      Và có cảnh báo chứa "Quảng Ngãi"

    Tình huống: Sở của tỉnh Lào Cai (tên còn trong bản đồ 34 đơn vị) đánh giá tháng 10/2025 → vẫn xét, không cảnh báo
      Cho một cơ quan cấp "sở" tại tỉnh "Lào Cai"
      Và ngày đánh giá là "15/10/2025"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không đạt"
      Và không có cảnh báo nào

    Tình huống: phòng dùng chung HTQLCL của UBND huyện, đánh giá cùng UBND huyện trong một danh mục → đạt theo HTQLCL của huyện
      Cho một cơ quan cấp "phòng" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan áp dụng HTQLCL chung với cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá cùng cơ quan chủ trì trong một danh mục
      Thì quy tắc "QD19-ADOPT" có kết quả "đạt"
      Và ngày thực hiện là "10/05/2016"
      Và diễn giải cách tính có "HTQLCL chung với UBND huyện Quảng Điền"
      Và nguồn gồm "TT26/6.3.a"

    Tình huống: phòng dùng chung HTQLCL của UBND huyện, đánh giá một mình → thiếu dữ liệu, nêu cơ quan chủ trì còn thiếu
      Cho một cơ quan cấp "phòng" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan áp dụng HTQLCL chung với cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "thiếu dữ liệu"
      Và thông điệp có "ubnd-huyen-quang-dien"
      Và có cảnh báo chứa "ubnd-huyen-quang-dien"

    Tình huống: Sở Khoa học và Công nghệ trong tệp mẫu đã công bố HTQLCL từ năm 2015 → đạt
      Cho cơ quan theo tệp mẫu "so-khcn-thua-thien-hue"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "đạt"
      Và ngày thực hiện là "28/09/2015"

    Tình huống: UBND huyện trong tệp mẫu, đánh giá bằng dòng lệnh → đạt
      Cho cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá bằng dòng lệnh
      Thì quy tắc "QD19-ADOPT" có kết quả "đạt"

  @QD19-SCOPE
  Quy tắc: Phạm vi HTQLCL bao gồm mọi thủ tục hành chính cơ quan giải quyết
    Quyết định 19, Điều 3 khoản 1: "Phải xây dựng và áp dụng Hệ thống quản lý chất lượng đối với các hoạt động
    liên quan đến thực hiện thủ tục hành chính cho tổ chức, cá nhân."
    Thông tư 26/2014/TT-BKHCN, Điều 36 khoản 1 điểm a: "Phạm vi áp dụng bao gồm toàn bộ hoạt động liên quan đến
    thực hiện thủ tục hành chính cho tổ chức, cá nhân thuộc thẩm quyền giải quyết của cơ quan;"

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"

    Tình huống: thủ tục mới được đưa vào HTQLCL trong ba tháng → đạt
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Tên thủ tục                     | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 1.001612 | Đăng ký thành lập hộ kinh doanh | 01/07/2022              | 15/08/2022          |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "1.001612" có kết quả "đạt"
      Và hạn là "03/10/2022"
      Và ngày thực hiện là "15/08/2022"
      Và nguồn gồm "QD19/3.1"
      Và nguồn gồm "TT26/36.1.a"

    Tình huống: thủ tục chưa có quy trình, còn trong hạn → chưa hoàn thành
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết |
        | 1.001612 | 01/07/2022              |
      Và ngày đánh giá là "01/09/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "1.001612" có kết quả "chưa hoàn thành"
      Và hạn là "03/10/2022"

    Khung tình huống: thủ tục có hiệu lực <hiệu_lực> được đưa vào HTQLCL ngày <đưa_vào> → <kết_quả> (hạn <hạn>)
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 1.001612 | <hiệu_lực>              | <đưa_vào>           |
      Và ngày đánh giá là "30/06/2026"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "1.001612" có kết quả "<kết_quả>"
      Và hạn là "<hạn>"
      Và diễn giải cách tính có "<diễn_giải>"

      Dữ liệu: ngày cuối cùng đúng hạn và ngày đầu tiên trễ hạn, theo các ví dụ của quy tắc tính thời hạn
        | hiệu_lực   | đưa_vào    | kết_quả | hạn        | diễn_giải                              |
        | 01/07/2025 | 01/10/2025 | đạt     | 01/10/2025 | 01/07/2025 + 3 tháng → 01/10/2025      |
        | 01/07/2025 | 02/10/2025 | không đạt | 01/10/2025 | 01/07/2025 + 3 tháng → 01/10/2025      |
        | 30/11/2025 | 02/03/2026 | đạt     | 02/03/2026 | 28/02/2026 là Thứ Bảy                  |
        | 30/11/2025 | 03/03/2026 | không đạt | 02/03/2026 | không có ngày 30/02/2026               |
        | 20/10/2025 | 20/01/2026 | đạt     | 20/01/2026 | 20/10/2025 + 3 tháng → 20/01/2026      |
        | 20/10/2025 | 21/01/2026 | không đạt | 20/01/2026 | 20/10/2025 + 3 tháng → 20/01/2026      |
        | 01/06/2025 | 03/09/2025 | đạt     | 03/09/2025 | Quốc khánh                             |
        | 01/06/2025 | 04/09/2025 | không đạt | 03/09/2025 | 02/09/2025 là ngày lễ                  |
        | 17/01/2026 | 17/04/2026 | đạt     | 17/04/2026 | 17/01/2026 + 3 tháng → 17/04/2026      |
        | 17/01/2026 | 18/04/2026 | không đạt | 17/04/2026 | 17/01/2026 + 3 tháng → 17/04/2026      |
        | 01/07/2022 | 03/10/2022 | đạt     | 03/10/2022 | 01/10/2022 là Thứ Bảy                  |
        | 01/07/2022 | 04/10/2022 | không đạt | 03/10/2022 | 01/10/2022 là Thứ Bảy                  |
        | 30/11/2023 | 29/02/2024 | đạt     | 29/02/2024 | không có ngày 30/02/2024               |
        | 30/11/2023 | 01/03/2024 | không đạt | 29/02/2024 | không có ngày 30/02/2024               |
        | 10/11/2023 | 15/02/2024 | đạt     | 15/02/2024 | Tết Nguyên đán                         |
        | 10/11/2023 | 16/02/2024 | không đạt | 15/02/2024 | Tết Nguyên đán                         |

    Khung tình huống: thủ tục có hiệu lực <hiệu_lực> chưa có quy trình, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết |
        | 1.001612 | <hiệu_lực>              |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "1.001612" có kết quả "<kết_quả>"

      Dữ liệu:
        | hiệu_lực   | đánh_giá   | kết_quả  |
        | 30/11/2025 | 02/03/2026 | chưa hoàn thành |
        | 30/11/2025 | 03/03/2026 | không đạt  |
        | 01/06/2025 | 03/09/2025 | chưa hoàn thành |
        | 01/06/2025 | 04/09/2025 | không đạt  |

    Khung tình huống: thủ tục có hiệu lực trước ngày công bố lần đầu, đưa vào HTQLCL ngày <đưa_vào> → <kết_quả>
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Tên thủ tục                     | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 2.000908 | Chứng thực bản sao từ bản chính | 01/01/2015              | <đưa_vào>           |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "2.000908" có kết quả "<kết_quả>"
      Và hạn là "10/05/2016"
      Và diễn giải cách tính có "trước ngày công bố lần đầu"

      Dữ liệu:
        | đưa_vào    | kết_quả |
        | 10/05/2016 | đạt     |
        | 11/05/2016 | không đạt |

    Khung tình huống: thủ tục có hiệu lực 01/04/2016, 39 ngày trước ngày công bố lần đầu, đưa vào HTQLCL ngày <đưa_vào> → <kết_quả> (không bao giờ ít hơn ba tháng)
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 1.000656 | 01/04/2016              | <đưa_vào>           |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "1.000656" có kết quả "<kết_quả>"
      Và hạn là "01/07/2016"
      Và diễn giải cách tính có "ngày muộn hơn trong hai ngày"

      Dữ liệu:
        | đưa_vào    | kết_quả |
        | 10/05/2016 | đạt     |
        | 01/07/2016 | đạt     |
        | 02/07/2016 | không đạt |

    Tình huống: phòng dùng chung HTQLCL của UBND huyện: thủ tục của chính phòng, hạn tính theo ngày công bố của huyện
      Cho một cơ quan cấp "phòng" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan áp dụng HTQLCL chung với cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 2.000908 | 01/01/2015              | 20/05/2016          |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá cùng cơ quan chủ trì trong một danh mục
      Thì quy tắc "QD19-SCOPE" với "2.000908" có kết quả "không đạt"
      Và hạn là "10/05/2016"
      Và nguồn gồm "TT26/6.3.a"

    Tình huống: phòng dùng chung HTQLCL của UBND huyện, đánh giá một mình → thiếu dữ liệu, vì hạn cần ngày công bố của huyện
      Cho một cơ quan cấp "phòng" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan áp dụng HTQLCL chung với cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 2.000908 | 01/01/2015              | 20/05/2016          |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" có kết quả "thiếu dữ liệu"
      Và thông điệp có "ubnd-huyen-quang-dien"

    Tình huống: thủ tục không rõ ngày hiệu lực và chưa có quy trình → không đạt
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Tên thủ tục                   |
        | 2.000815 | Cấp bản sao trích lục hộ tịch |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "2.000815" có kết quả "không đạt"
      Và hạn là "10/05/2016"

    Tình huống: thủ tục không rõ ngày hiệu lực, có quy trình từ ngày công bố lần đầu → đạt
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày đưa vào HTQLCL |
        | 2.000815 | 10/05/2016          |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "2.000815" có kết quả "đạt"

    Tình huống: tệp không có mục thủ tục hành chính → thiếu dữ liệu
      Cho không có mục "Thủ tục hành chính"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" có kết quả "thiếu dữ liệu"

    Tình huống: danh sách thủ tục trống nghĩa là biết là không có, không phải thiếu dữ liệu
      Cho mục "Thủ tục hành chính" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" không có kết quả "thiếu dữ liệu"

    Tình huống: đánh giá trước ngày công bố lần đầu, cơ quan chưa là cơ quan áp dụng HTQLCL → không áp dụng
      Cho mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết |
        | 2.000908 | 01/01/2015              |
      Và ngày đánh giá là "09/05/2016"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" có kết quả "không áp dụng"

    Tình huống: UBND xã chưa có HTQLCL không phải đưa thủ tục vào HTQLCL → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" có kết quả "không áp dụng"

  @QD19-LEADERSHIP
  Quy tắc: Lãnh đạo tham gia xây dựng và áp dụng HTQLCL (Ban chỉ đạo ISO có lãnh đạo)
    Quyết định 19, Điều 3 khoản 2: "Bảo đảm sự tham gia của Lãnh đạo, các đơn vị và cá nhân có liên quan trong
    quá trình xây dựng và áp dụng Hệ thống quản lý chất lượng."
    Thông tư 26/2014/TT-BKHCN, Điều 7 khoản 2 điểm b: "Thành lập Ban Chỉ đạo ISO;"

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"

    Tình huống: Ban chỉ đạo ISO do Chủ tịch UBND huyện làm trưởng ban → đạt
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2017 |
        | Trần Thị Bình | Thành viên          | không               | 01/03/2017 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" với "HTQLCL" có kết quả "đạt"
      Và không có hạn
      Và diễn giải cách tính có "Nguyễn Văn An"
      Và nguồn gồm "QD19/3.2"
      Và nguồn gồm "TT26/7.2.b"

    Tình huống: phó trưởng ban là lãnh đạo cơ quan → đạt
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên    | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Lê Văn Cường | Phó Trưởng ban      | có                  | 01/03/2017 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "đạt"

    Tình huống: Ban chỉ đạo ISO không có ai là lãnh đạo → không đạt
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Trần Thị Bình | Thành viên          | không               | 01/03/2017 |
        | Hồ Văn Dũng   | Thư ký              | không               | 01/03/2017 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "không đạt"

    Tình huống: có thành viên lãnh đạo nhưng chưa có quyết định thành lập Ban chỉ đạo ISO → không đạt
      Cho mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2017 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "không đạt"

    Khung tình huống: quyết định thành lập ngày <quyết_định>, đánh giá ngày 28/10/2022 → <kết_quả>
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "<quyết_định>"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2017 |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "<kết_quả>"

      Dữ liệu:
        | quyết_định | kết_quả |
        | 28/10/2022 | đạt     |
        | 29/10/2022 | không đạt |

    Khung tình huống: trưởng ban rời Ban chỉ đạo ngày <rời>, đánh giá ngày 28/10/2022 → <kết_quả>
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    | Đến ngày |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2017 | <rời>    |
        | Trần Thị Bình | Thành viên          | không               | 01/03/2017 |          |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "<kết_quả>"

      Dữ liệu: rời đúng ngày đánh giá vẫn đang tham gia; rời từ hôm trước thì không
        | rời        | kết_quả |
        | 28/10/2022 | đạt     |
        | 27/10/2022 | không đạt |

    Khung tình huống: trưởng ban mới tham gia từ ngày <tham_gia>, đánh giá ngày 28/10/2022 → <kết_quả>
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    | Đến ngày   |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2017 | 30/06/2022 |
        | Phan Văn Hải  | Trưởng ban          | có                  | <tham_gia> |            |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "<kết_quả>"

      Dữ liệu:
        | tham_gia   | kết_quả |
        | 28/10/2022 | đạt     |
        | 29/10/2022 | không đạt |

    Tình huống: tệp không có mục Ban chỉ đạo ISO → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "thiếu dữ liệu"

    Tình huống: tệp ghi rõ là không có Ban chỉ đạo ISO → không đạt
      Cho mục "Ban chỉ đạo ISO" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "không đạt"

    Khung tình huống: UBND huyện chấm dứt sau 30/06/2025, không còn phải duy trì Ban chỉ đạo ISO; đánh giá ngày <đánh_giá> → <kết_quả>
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Nguyễn Văn An | Trưởng ban          | có                  | 01/03/2017 |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả       |
        | 30/06/2025 | đạt           |
        | 01/07/2025 | không áp dụng |

    Tình huống: đánh giá trước ngày công bố lần đầu, chưa phải có Ban chỉ đạo ISO → không áp dụng
      Cho Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2016"
      Và ngày đánh giá là "09/05/2016"
      Khi đánh giá
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "không áp dụng"

  @QD19-NOTIFY
  Quy tắc: Thông báo bằng văn bản việc công bố HTQLCL đến đơn vị chủ trì
    Quyết định 19, Điều 4 khoản 3: "Cơ quan áp dụng Hệ thống quản lý chất lượng công bố Hệ thống quản lý chất
    lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008 (theo mẫu quy định tại Phụ lục I ban hành kèm theo Quyết
    định này) và thông báo bằng văn bản đến đơn vị chủ trì quy định tại Khoản 3 hoặc Khoản 4 Điều 12 Quyết định
    này để theo dõi, tổng hợp; niêm yết tại trụ sở cơ quan và đăng tải trên trang thông tin điện tử của cơ quan
    (nếu có)."

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"

    Tình huống: quyết định công bố đã được thông báo bằng văn bản → đạt
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008", thông báo ngày "20/05/2016"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-NOTIFY" với "2016-05-10" có kết quả "đạt"
      Và ngày thực hiện là "20/05/2016"
      Và không có hạn
      Và nguồn gồm "QD19/4.3"

    Tình huống: quyết định công bố chưa được thông báo → chưa hoàn thành, vì văn bản không đặt thời hạn
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-NOTIFY" với "2016-05-10" có kết quả "chưa hoàn thành"
      Và không có hạn
      Và diễn giải cách tính có "văn bản không quy định thời hạn"

    Tình huống: công bố lần đầu đã thông báo, công bố lại chưa thông báo → mỗi quyết định một kết quả
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008", thông báo ngày "20/05/2016"
      Và cơ quan công bố HTQLCL ngày "15/12/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-NOTIFY" với "2016-05-10" có kết quả "đạt"
      Và quy tắc "QD19-NOTIFY" với "2019-12-15" có kết quả "chưa hoàn thành"

    Khung tình huống: thông báo ngày 20/05/2016, đánh giá ngày <đánh_giá> → <kết_quả> (việc sau ngày đánh giá không tính)
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008", thông báo ngày "20/05/2016"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-NOTIFY" với "2016-05-10" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 19/05/2016 | chưa hoàn thành |
        | 20/05/2016 | đạt      |

    Tình huống: cơ quan chưa công bố HTQLCL → không áp dụng
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-NOTIFY" có kết quả "không áp dụng"

    Tình huống: UBND xã chưa có HTQLCL không có quyết định công bố để thông báo → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-NOTIFY" có kết quả "không áp dụng"

  @QD19-CORRECTIVE
  Quy tắc: Khắc phục các điểm không phù hợp phát hiện khi đánh giá nội bộ
    Quyết định 19, Điều 4 khoản 2 điểm b: "Thực hiện đánh giá nội bộ, khắc phục các điểm không phù hợp;"

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"

    Khung tình huống: điểm không phù hợp hạn 30/11/2022 được khắc phục ngày <đóng> → <kết_quả>
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp | Hạn khắc phục | Ngày khắc phục xong |
        | NC-2022-01            | 30/11/2022    | <đóng>              |
      Và ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-01" có kết quả "<kết_quả>"
      Và hạn là "30/11/2022"
      Và ngày thực hiện là "<đóng>"

      Dữ liệu:
        | đóng       | kết_quả |
        | 30/11/2022 | đạt     |
        | 01/12/2022 | không đạt |

    Khung tình huống: điểm không phù hợp hạn 30/11/2022 chưa khắc phục, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp | Hạn khắc phục |
        | NC-2022-01            | 30/11/2022    |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-01" có kết quả "<kết_quả>"
      Và hạn là "30/11/2022"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 30/11/2022 | chưa hoàn thành |
        | 01/12/2022 | không đạt  |

    Tình huống: hạn khắc phục rơi vào Thứ Bảy không được lùi sang thứ Hai → không đạt
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp | Hạn khắc phục | Ngày khắc phục xong |
        | NC-2022-02            | 26/11/2022    | 28/11/2022          |
      Và ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-02" có kết quả "không đạt"
      Và hạn là "26/11/2022"

    Tình huống: điểm không phù hợp không có ngày thống nhất, chưa khắc phục → chưa hoàn thành
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp |
        | NC-2022-03            |
      Và ngày đánh giá là "30/06/2025"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-03" có kết quả "chưa hoàn thành"
      Và không có hạn
      Và diễn giải cách tính có "không có thời hạn khắc phục được thống nhất"

    Khung tình huống: UBND huyện chấm dứt sau 30/06/2025; điểm không có ngày thống nhất, khắc phục ngày <đóng>, đánh giá ngày 31/12/2025 → <kết_quả>
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp | Ngày khắc phục xong |
        | NC-2022-03            | <đóng>              |
      Và ngày đánh giá là "31/12/2025"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-03" có kết quả "<kết_quả>"

      Dữ liệu: việc không có hạn cố định còn dở khi cơ quan chấm dứt thì không áp dụng nữa; việc đã xong vẫn đạt
        | đóng       | kết_quả       |
        | 30/06/2025 | đạt           |
        | 01/07/2025 | không áp dụng |
        |            | không áp dụng |

    Tình huống: điểm không phù hợp không có ngày thống nhất, đã khắc phục → đạt
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp | Ngày khắc phục xong |
        | NC-2022-03            | 15/11/2022          |
      Và ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-03" có kết quả "đạt"
      Và không có hạn
      Và ngày thực hiện là "15/11/2022"
      Và nguồn gồm "QD19/4.2.b"

    Tình huống: khắc phục xong sau ngày đánh giá thì coi như chưa khắc phục → không đạt
      Cho đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:
        | Mã điểm không phù hợp | Hạn khắc phục | Ngày khắc phục xong |
        | NC-2022-01            | 30/11/2022    | 05/01/2023          |
      Và ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2022-01" có kết quả "không đạt"

    Tình huống: tệp không có mục đánh giá nội bộ nên không biết điểm không phù hợp nào → thiếu dữ liệu
      Cho ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" có kết quả "thiếu dữ liệu"

    Tình huống: danh sách đánh giá nội bộ trống nghĩa là biết là không có, không phải thiếu dữ liệu
      Cho mục "Đánh giá nội bộ" trống
      Và ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" không có kết quả "thiếu dữ liệu"

    Tình huống: UBND xã chưa có HTQLCL không phải khắc phục điểm không phù hợp → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "31/12/2022"
      Khi đánh giá
      Thì quy tắc "QD19-CORRECTIVE" có kết quả "không áp dụng"

  @QD19-LEGAL-UPDATE
  Quy tắc: Cập nhật thay đổi văn bản quy phạm pháp luật vào HTQLCL trong ba tháng
    Quyết định 19, Điều 4 khoản 4 điểm a: "Cập nhật các thay đổi của văn bản quy phạm pháp luật liên quan đến hoạt
    động xử lý công việc vào Hệ thống quản lý chất lượng để áp dụng trong thời gian chậm nhất là ba tháng kể từ
    khi văn bản quy phạm pháp luật có hiệu lực thi hành;"

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"

    Tình huống: văn bản được cập nhật trước hạn → đạt
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL             | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 107/2021/NĐ-CP | 01/12/2021       | 15/02/2022               |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "đạt"
      Và hạn là "01/03/2022"
      Và ngày thực hiện là "15/02/2022"
      Và diễn giải cách tính có "01/12/2021 + 3 tháng → 01/03/2022"
      Và nguồn gồm "QD19/4.4.a"

    Tình huống: văn bản chưa được cập nhật khi đã quá hạn → không đạt
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL             | Ngày có hiệu lực |
        | Nghị định 107/2021/NĐ-CP | 01/12/2021       |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "không đạt"
      Và hạn là "01/03/2022"

    Khung tình huống: văn bản có hiệu lực <hiệu_lực> được cập nhật ngày <cập_nhật> → <kết_quả> (hạn <hạn>)
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 99/2025/NĐ-CP | <hiệu_lực>       | <cập_nhật>               |
      Và ngày đánh giá là "30/06/2026"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 99/2025/NĐ-CP" có kết quả "<kết_quả>"
      Và hạn là "<hạn>"
      Và diễn giải cách tính có "<diễn_giải>"

      Dữ liệu: ngày cuối cùng đúng hạn và ngày đầu tiên trễ hạn, theo các ví dụ của quy tắc tính thời hạn
        | hiệu_lực   | cập_nhật   | kết_quả | hạn        | diễn_giải                              |
        | 01/07/2025 | 01/10/2025 | đạt     | 01/10/2025 | 01/07/2025 + 3 tháng → 01/10/2025      |
        | 01/07/2025 | 02/10/2025 | không đạt | 01/10/2025 | 01/07/2025 + 3 tháng → 01/10/2025      |
        | 30/11/2025 | 02/03/2026 | đạt     | 02/03/2026 | 28/02/2026 là Thứ Bảy                  |
        | 30/11/2025 | 03/03/2026 | không đạt | 02/03/2026 | không có ngày 30/02/2026               |
        | 20/10/2025 | 20/01/2026 | đạt     | 20/01/2026 | 20/10/2025 + 3 tháng → 20/01/2026      |
        | 20/10/2025 | 21/01/2026 | không đạt | 20/01/2026 | 20/10/2025 + 3 tháng → 20/01/2026      |
        | 01/06/2025 | 03/09/2025 | đạt     | 03/09/2025 | Quốc khánh                             |
        | 01/06/2025 | 04/09/2025 | không đạt | 03/09/2025 | 01/09/2025 là ngày lễ                  |
        | 17/01/2026 | 17/04/2026 | đạt     | 17/04/2026 | 17/01/2026 + 3 tháng → 17/04/2026      |
        | 17/01/2026 | 18/04/2026 | không đạt | 17/04/2026 | 17/01/2026 + 3 tháng → 17/04/2026      |
        | 01/07/2022 | 03/10/2022 | đạt     | 03/10/2022 | 01/10/2022 là Thứ Bảy                  |
        | 01/07/2022 | 04/10/2022 | không đạt | 03/10/2022 | ngày làm việc tiếp theo 03/10/2022     |
        | 30/11/2023 | 29/02/2024 | đạt     | 29/02/2024 | không có ngày 30/02/2024               |
        | 30/11/2023 | 01/03/2024 | không đạt | 29/02/2024 | lấy ngày cuối tháng 29/02/2024         |
        | 10/11/2023 | 15/02/2024 | đạt     | 15/02/2024 | Tết Nguyên đán                         |
        | 10/11/2023 | 16/02/2024 | không đạt | 15/02/2024 | mùng 5 tháng Giêng năm Giáp Thìn       |
        | 29/10/2024 | 03/02/2025 | đạt     | 03/02/2025 | 29/01/2025 là ngày nghỉ Tết Nguyên đán |
        | 29/10/2024 | 04/02/2025 | không đạt | 03/02/2025 | Tết Nguyên đán                         |
        | 27/10/2024 | 03/02/2025 | đạt     | 03/02/2025 | 28 tháng Chạp năm Giáp Thìn            |
        | 27/10/2024 | 04/02/2025 | không đạt | 03/02/2025 | 27/01/2025 là ngày nghỉ Tết Nguyên đán |
        | 26/01/2025 | 26/04/2025 | đạt     | 26/04/2025 | 26/04/2025 là ngày làm bù              |
        | 26/01/2025 | 28/04/2025 | không đạt | 26/04/2025 | làm bù cho ngày nghỉ 02/05/2025        |
        | 02/02/2025 | 05/05/2025 | đạt     | 05/05/2025 | 02/05/2025 là ngày nghỉ hoán đổi       |
        | 02/02/2025 | 06/05/2025 | không đạt | 05/05/2025 | làm bù vào Thứ Bảy 26/04/2025          |

    Khung tình huống: văn bản có hiệu lực <hiệu_lực> chưa được cập nhật, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 99/2025/NĐ-CP | <hiệu_lực>       |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 99/2025/NĐ-CP" có kết quả "<kết_quả>"

      Dữ liệu: ngày cuối cùng còn trong hạn và ngày đầu tiên quá hạn
        | hiệu_lực   | đánh_giá   | kết_quả  |
        | 01/07/2025 | 01/10/2025 | chưa hoàn thành |
        | 01/07/2025 | 02/10/2025 | không đạt  |
        | 30/11/2025 | 02/03/2026 | chưa hoàn thành |
        | 30/11/2025 | 03/03/2026 | không đạt  |
        | 20/10/2025 | 20/01/2026 | chưa hoàn thành |
        | 20/10/2025 | 21/01/2026 | không đạt  |
        | 01/06/2025 | 03/09/2025 | chưa hoàn thành |
        | 01/06/2025 | 04/09/2025 | không đạt  |
        | 17/01/2026 | 17/04/2026 | chưa hoàn thành |
        | 17/01/2026 | 18/04/2026 | không đạt  |
        | 01/07/2022 | 03/10/2022 | chưa hoàn thành |
        | 01/07/2022 | 04/10/2022 | không đạt  |
        | 30/11/2023 | 29/02/2024 | chưa hoàn thành |
        | 30/11/2023 | 01/03/2024 | không đạt  |
        | 10/11/2023 | 15/02/2024 | chưa hoàn thành |
        | 10/11/2023 | 16/02/2024 | không đạt  |

    Tình huống: văn bản có hiệu lực hôm trước ngày công bố lần đầu đã nằm trong hệ thống khi xây dựng → không có nghĩa vụ
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Thông tư 01/2016/TT-BTP | 09/05/2016       |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" không có phát hiện nào với "Thông tư 01/2016/TT-BTP"

    Tình huống: văn bản có hiệu lực đúng ngày công bố lần đầu phải được cập nhật, chưa cập nhật → không đạt
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Thông tư 01/2016/TT-BTP | 10/05/2016       |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Thông tư 01/2016/TT-BTP" có kết quả "không đạt"
      Và hạn là "10/08/2016"

    Tình huống: UBND huyện trong tệp mẫu chưa cập nhật Nghị định 107/2021/NĐ-CP, đánh giá bằng dòng lệnh → không đạt
      Cho cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá bằng dòng lệnh
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "không đạt"
      Và hạn là "01/03/2022"
      Và nguồn gồm "QD19/4.4.a"

    Tình huống: UBND xã tự nguyện áp dụng HTQLCL cũng phải cập nhật trong ba tháng; cập nhật trễ → không đạt
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-an-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "không đạt"
      Và hạn là "01/03/2022"
      Và ngày thực hiện là "05/04/2022"

    Tình huống: UBND thị trấn Hữu Lũng: văn bản có hiệu lực trước khi công bố không phát sinh nghĩa vụ, văn bản sau thì có
      Cho cơ quan theo tệp mẫu "ubnd-thi-tran-huu-lung"
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" không có phát hiện nào với "Nghị định 23/2015/NĐ-CP"
      Và quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 61/2018/NĐ-CP" có kết quả "không đạt"
      Và hạn là "21/09/2018"
      Và ngày thực hiện là "05/10/2018"

    Tình huống: tệp không có mục thay đổi văn bản → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" có kết quả "thiếu dữ liệu"

    Tình huống: tệp mẫu bỏ mục thay đổi văn bản → thiếu dữ liệu
      Cho cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"
      Và không có mục "Thay đổi văn bản QPPL"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" có kết quả "thiếu dữ liệu"

    Tình huống: danh sách thay đổi văn bản trống nghĩa là biết là không có, không phải thiếu dữ liệu
      Cho mục "Thay đổi văn bản QPPL" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" không có kết quả "thiếu dữ liệu"

    Tình huống: đánh giá trước ngày công bố lần đầu, chưa phải cập nhật văn bản → không áp dụng
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Thông tư 01/2016/TT-BTP | 01/03/2016       |
      Và ngày đánh giá là "09/05/2016"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" có kết quả "không áp dụng"

    Tình huống: UBND xã chưa có HTQLCL không phải cập nhật văn bản → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" có kết quả "không áp dụng"

    Khung tình huống: UBND huyện chấm dứt sau 30/06/2025; văn bản có hiệu lực <hiệu_lực>, chưa cập nhật, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 10/2025/NĐ-CP | <hiệu_lực>       |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 10/2025/NĐ-CP" có kết quả "<kết_quả>"

      Dữ liệu: hạn trước hoặc đúng ngày hoạt động cuối cùng thì giữ kết quả; hạn sau ngày đó thì không áp dụng, kể cả khi đánh giá ngay ngày 30/06/2025 (không báo "còn … ngày")
        | hiệu_lực   | đánh_giá   | kết_quả       |
        | 15/01/2025 | 30/06/2025 | không đạt       |
        | 15/01/2025 | 01/07/2025 | không đạt       |
        | 15/01/2025 | 15/03/2026 | không đạt       |
        | 31/03/2025 | 30/06/2025 | chưa hoàn thành      |
        | 31/03/2025 | 01/07/2025 | không đạt       |
        | 01/04/2025 | 30/06/2025 | không áp dụng |
        | 01/04/2025 | 01/07/2025 | không áp dụng |
        | 01/04/2025 | 15/03/2026 | không áp dụng |

    Tình huống: văn bản có hiệu lực 01/04/2025, hạn 01/07/2025 sau ngày UBND huyện chấm dứt → không áp dụng, nêu lý do
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 10/2025/NĐ-CP | 01/04/2025       |
      Và ngày đánh giá là "30/06/2025"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 10/2025/NĐ-CP" có kết quả "không áp dụng"
      Và thông điệp có "chấm dứt hoạt động ngày 30/06/2025, trước hạn 01/07/2025"
      Và diễn giải cách tính có "01/04/2025 + 3 tháng → 01/07/2025"

    Tình huống: văn bản có hiệu lực sau khi cơ quan cấp huyện chấm dứt (30/06/2025) không phát sinh nghĩa vụ
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực |
        | Nghị định 99/2025/NĐ-CP | 01/07/2025       |
      Và ngày đánh giá là "15/10/2025"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" không có kết quả "không đạt"
      Và quy tắc "QD19-LEGAL-UPDATE" không có kết quả "chưa hoàn thành"

  @QD19-INTERNAL-AUDIT
  Quy tắc: Đánh giá nội bộ tối thiểu một năm một lần
    Quyết định 19, Điều 4 khoản 4 điểm b: "Thực hiện đánh giá nội bộ và xem xét của Lãnh đạo tối thiểu một năm
    một lần để bảo đảm Hệ thống quản lý chất lượng phù hợp với các yêu cầu của Tiêu chuẩn quốc gia TCVN ISO
    9001:2008, quy định của pháp luật và thực tế công tác tại cơ quan;"

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2020" theo "TCVN ISO 9001:2015"

    Tình huống: đánh giá nội bộ mỗi năm sau năm công bố → đạt
      Cho mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 15/06/2021    |
        | 05/10/2022    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2021" có kết quả "đạt"
      Và hạn là "31/12/2021"
      Và ngày thực hiện là "15/06/2021"
      Và nguồn gồm "QD19/4.4.b"
      Và quy tắc "QD19-INTERNAL-AUDIT" với "2022" có kết quả "đạt"
      Và quy tắc "QD19-INTERNAL-AUDIT" không có phát hiện nào với "2020"

    Khung tình huống: đánh giá nội bộ ngày <ngày> → năm 2021 <kết_quả>
      Cho mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | <ngày>        |
      Và ngày đánh giá là "15/01/2022"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2021" có kết quả "<kết_quả>"
      Và hạn là "31/12/2021"

      Dữ liệu: 31/12 là Thứ Sáu, ngày cuối cùng của năm; 01/01 đã sang năm sau
        | ngày       | kết_quả |
        | 31/12/2021 | đạt     |
        | 01/01/2022 | không đạt |

    Khung tình huống: chưa đánh giá nội bộ năm 2021, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Đánh giá nội bộ" trống
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2021" có kết quả "<kết_quả>"
      Và hạn là "31/12/2021"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 01/01/2021 | chưa hoàn thành |
        | 31/12/2021 | chưa hoàn thành |
        | 01/01/2022 | không đạt  |

    Tình huống: năm công bố lần đầu không phải đánh giá nội bộ → không có phát hiện cho năm 2020
      Cho mục "Đánh giá nội bộ" trống
      Và ngày đánh giá là "31/12/2020"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" không có phát hiện nào với "2020"
      Và quy tắc "QD19-INTERNAL-AUDIT" không có kết quả "không đạt"

    Tình huống: đánh giá nội bộ trong năm công bố không thay cho năm sau → năm 2021 không đạt
      Cho mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 20/04/2020    |
        | 20/11/2020    |
      Và ngày đánh giá là "01/01/2022"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2021" có kết quả "không đạt"

    Tình huống: tệp không có mục đánh giá nội bộ nên không biết năm nào đã đánh giá → thiếu dữ liệu
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" có kết quả "thiếu dữ liệu"

    Tình huống: UBND xã chưa có HTQLCL không phải đánh giá nội bộ → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" có kết quả "không áp dụng"

    Tình huống: cơ quan cấp huyện không còn từ 01/07/2025 → không có nghĩa vụ cho năm 2026
      Cho mục "Đánh giá nội bộ" trống
      Và ngày đánh giá là "15/01/2026"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" không có phát hiện nào với "2026"

    Khung tình huống: UBND huyện chưa đánh giá nội bộ năm 2024 và 2025, đánh giá ngày <đánh_giá> → 2024 <năm_2024>, 2025 không áp dụng
      Cho mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 15/06/2021    |
        | 15/06/2022    |
        | 15/06/2023    |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2024" có kết quả "<năm_2024>"
      Và quy tắc "QD19-INTERNAL-AUDIT" với "2025" có kết quả "không áp dụng"
      Và thông điệp có "cơ quan chấm dứt hoạt động ngày 30/06/2025, trước hạn 31/12/2025"

      Dữ liệu: ngày 30/06/2025 UBND huyện không được báo "còn 184 ngày"; năm 2025 không thuộc đời sống của cơ quan
        | đánh_giá   | năm_2024 |
        | 30/06/2025 | không đạt  |
        | 01/07/2025 | không đạt  |
        | 15/01/2026 | không đạt  |

    Tình huống: Sở của tỉnh Kon Tum (sắp xếp vào tỉnh Quảng Ngãi) đánh giá tháng 10/2025: năm 2025 không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Kon Tum"
      Và cơ quan công bố HTQLCL ngày "10/05/2020" theo "TCVN ISO 9001:2015"
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 15/06/2021    |
        | 15/06/2022    |
        | 15/06/2023    |
        | 15/06/2024    |
      Và ngày đánh giá là "15/10/2025"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2024" có kết quả "đạt"
      Và quy tắc "QD19-INTERNAL-AUDIT" với "2025" có kết quả "không áp dụng"
      Và có cảnh báo chứa "Quảng Ngãi"

    Tình huống: Sở của tỉnh Kon Tum đánh giá ngày 30/06/2025: năm 2024 vẫn xét, năm 2025 không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Kon Tum"
      Và cơ quan công bố HTQLCL ngày "10/05/2020" theo "TCVN ISO 9001:2015"
      Và mục "Đánh giá nội bộ" trống
      Và ngày đánh giá là "30/06/2025"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2024" có kết quả "không đạt"
      Và quy tắc "QD19-INTERNAL-AUDIT" với "2025" có kết quả "không áp dụng"

  @QD19-MGMT-REVIEW
  Quy tắc: Xem xét của lãnh đạo tối thiểu một năm một lần
    Quyết định 19, Điều 4 khoản 4 điểm b: "Thực hiện đánh giá nội bộ và xem xét của Lãnh đạo tối thiểu một năm
    một lần để bảo đảm Hệ thống quản lý chất lượng phù hợp với các yêu cầu của Tiêu chuẩn quốc gia TCVN ISO
    9001:2008, quy định của pháp luật và thực tế công tác tại cơ quan;"

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2020" theo "TCVN ISO 9001:2015"

    Tình huống: xem xét của lãnh đạo mỗi năm sau năm công bố → đạt
      Cho mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | 20/12/2021   |
        | 20/10/2022   |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" với "2021" có kết quả "đạt"
      Và hạn là "31/12/2021"
      Và ngày thực hiện là "20/12/2021"
      Và nguồn gồm "QD19/4.4.b"
      Và quy tắc "QD19-MGMT-REVIEW" với "2022" có kết quả "đạt"
      Và quy tắc "QD19-MGMT-REVIEW" không có phát hiện nào với "2020"

    Khung tình huống: xem xét của lãnh đạo ngày <ngày> → năm 2021 <kết_quả>
      Cho mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | <ngày>       |
      Và ngày đánh giá là "15/01/2022"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" với "2021" có kết quả "<kết_quả>"
      Và hạn là "31/12/2021"

      Dữ liệu:
        | ngày       | kết_quả |
        | 31/12/2021 | đạt     |
        | 01/01/2022 | không đạt |

    Khung tình huống: chưa có xem xét của lãnh đạo năm 2021, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Xem xét của lãnh đạo" trống
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" với "2021" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 31/12/2021 | chưa hoàn thành |
        | 01/01/2022 | không đạt  |

    Tình huống: năm công bố lần đầu không phải xem xét của lãnh đạo → không có phát hiện cho năm 2020
      Cho mục "Xem xét của lãnh đạo" trống
      Và ngày đánh giá là "31/12/2020"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" không có phát hiện nào với "2020"
      Và quy tắc "QD19-MGMT-REVIEW" không có kết quả "không đạt"

    Tình huống: UBND thị trấn Hữu Lũng không có xem xét của lãnh đạo năm 2021 → không đạt
      Cho cơ quan theo tệp mẫu "ubnd-thi-tran-huu-lung"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" với "2021" có kết quả "không đạt"
      Và quy tắc "QD19-MGMT-REVIEW" với "2020" có kết quả "đạt"
      Và quy tắc "QD19-MGMT-REVIEW" với "2018" có kết quả "đạt"
      Và quy tắc "QD19-MGMT-REVIEW" không có phát hiện nào với "2017"

    Tình huống: tệp không có mục xem xét của lãnh đạo → thiếu dữ liệu
      Cho mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 15/06/2021    |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" có kết quả "thiếu dữ liệu"

    Tình huống: UBND xã chưa có HTQLCL không phải xem xét của lãnh đạo → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" có kết quả "không áp dụng"

    Khung tình huống: UBND huyện chưa xem xét của lãnh đạo năm 2025, đánh giá ngày <đánh_giá> → không áp dụng (hạn 31/12/2025 sau ngày chấm dứt)
      Cho mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | 20/12/2024   |
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" với "2024" có kết quả "đạt"
      Và quy tắc "QD19-MGMT-REVIEW" với "2025" có kết quả "không áp dụng"
      Và quy tắc "QD19-MGMT-REVIEW" không có phát hiện nào với "2026"

      Dữ liệu:
        | đánh_giá   |
        | 30/06/2025 |
        | 01/07/2025 |
        | 15/03/2026 |

    Tình huống: UBND huyện đã xem xét của lãnh đạo ngày 15/06/2025, trước khi chấm dứt → năm 2025 vẫn không áp dụng, vì hạn 31/12/2025 sau ngày chấm dứt
      Cho mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | 15/06/2025   |
      Và ngày đánh giá là "01/07/2025"
      Khi đánh giá
      Thì quy tắc "QD19-MGMT-REVIEW" với "2025" có kết quả "không áp dụng"

  @QD19-REDECLARE
  Quy tắc: Công bố lại khi điều chỉnh, mở rộng, thu hẹp phạm vi áp dụng
    Quyết định 19, Điều 4 khoản 4 điểm c: "Thực hiện công bố lại theo quy định tại Khoản 3 Điều này khi có sự điều
    chỉnh, mở rộng, thu hẹp phạm vi áp dụng Hệ thống quản lý chất lượng."

    Bối cảnh:
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi phạm vi" gồm:
        | Ngày thay đổi | Loại thay đổi | Ghi chú          |
        | 01/10/2022    | Mở rộng       | thêm 12 TTHC mới |

    Khung tình huống: phạm vi mở rộng ngày 01/10/2022, công bố lại ngày <công_bố_lại> → <kết_quả>
      Cho cơ quan công bố HTQLCL ngày "<công_bố_lại>" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" với "2022-10-01" có kết quả "<kết_quả>"
      Và không có hạn

      Dữ liệu: công bố đúng ngày thay đổi là đã công bố lại; công bố hôm trước thì chưa
        | công_bố_lại | kết_quả  |
        | 01/10/2022  | đạt      |
        | 15/10/2022  | đạt      |
        | 30/09/2022  | chưa hoàn thành |

    Tình huống: chưa công bố lại sau khi mở rộng phạm vi → chưa hoàn thành, vì văn bản không đặt thời hạn
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" với "2022-10-01" có kết quả "chưa hoàn thành"
      Và không có hạn
      Và diễn giải cách tính có "văn bản không quy định thời hạn"
      Và nguồn gồm "QD19/4.4.c"

    Tình huống: công bố lại ngày đúng ngày thay đổi → ngày thực hiện là ngày công bố lại
      Cho cơ quan công bố HTQLCL ngày "01/10/2022" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" với "2022-10-01" có kết quả "đạt"
      Và ngày thực hiện là "01/10/2022"

    Tình huống: thay đổi phạm vi trước ngày công bố lần đầu không phải công bố lại
      Cho mục "Thay đổi phạm vi" gồm:
        | Ngày thay đổi | Loại thay đổi |
        | 01/03/2016    | Điều chỉnh    |
      Và cơ quan công bố HTQLCL ngày "05/10/2022" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" không có phát hiện nào với "2016-03-01"
      Và quy tắc "QD19-REDECLARE" với "2022-10-01" có kết quả "đạt"

    Tình huống: tệp không có mục thay đổi phạm vi → thiếu dữ liệu
      Cho không có mục "Thay đổi phạm vi"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" có kết quả "thiếu dữ liệu"

    Tình huống: danh sách thay đổi phạm vi trống nghĩa là biết là không có, không phải thiếu dữ liệu
      Cho mục "Thay đổi phạm vi" trống
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" không có kết quả "thiếu dữ liệu"

    Tình huống: UBND xã chưa có HTQLCL không phải công bố lại → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-REDECLARE" có kết quả "không áp dụng"
