# language: vi
# Gương của rules/hl641_2017.yaml. Mô tả trích nguyên văn rules/sources/000_fc44fbf6d9e7515c.txt.
# Các ngày trong bảng đã được kiểm tra bằng lịch pháp lý: 22/05/2017 + 3 tháng → 22/08/2017 (Thứ Ba);
# 23/05/2017 + 3 tháng → 23/08/2017 (Thứ Tư), ngày ký công văn.
Tính năng: Công văn 641/UBND-VP của UBND huyện Hữu Lũng — nâng cao hiệu quả áp dụng HTQLCL
  UBND huyện Hữu Lũng (tỉnh Lạng Sơn) ký ngày 23/08/2017. Mục 1–5 nhắc lại Quyết định 19 cho các cơ quan của
  huyện; mục 6 yêu cầu riêng UBND thị trấn Hữu Lũng triển khai ngay việc áp dụng HTQLCL.

  @HL641-TOWN
  Quy tắc: UBND thị trấn Hữu Lũng triển khai ngay việc áp dụng HTQLCL
    Mục 6: "Riêng đối với UBND Thị trấn Hữu Lũng: Yêu cầu Chủ tịch UBND Thị trấn nghiêm túc chỉ đạo triển khai
    ngay việc áp dụng Hệ thống quản lý chất lượng vào hoạt động của đơn vị mình, nếu có vướng mắc liên hệ với Văn
    phòng HĐND và UBND huyện qua số điện thoại 3.725.889 để được giải đáp, giúp đỡ kịp thời."
    Đoạn cuối: "Yêu cầu thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND thị trấn chỉ đạo tổ chức triển khai thực hiện
    nghiêm túc; đưa kết quả triển khai áp dụng HTQLCL là một trong những tiêu chí để đánh giá, bình xét, xếp loại
    kết quả hoạt động cuối năm của tập thể và cá nhân trong cơ quan, đơn vị./."

    Tình huống: UBND thị trấn Hữu Lũng đã công bố HTQLCL tháng 12/2017 → đạt
      Cho cơ quan theo tệp mẫu "ubnd-thi-tran-huu-lung"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" với "HTQLCL" có kết quả "đạt"
      Và ngày thực hiện là "20/12/2017"
      Và hạn là "31/12/2017"
      Và nguồn gồm "HL641/6"

    Tình huống: UBND thị trấn Hữu Lũng chưa công bố HTQLCL năm 2022 → không đạt, hạn là kỳ đánh giá cuối năm 2017
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan có tên "UBND thị trấn Hữu Lũng"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "không đạt"
      Và hạn là "31/12/2017"
      Và diễn giải cách tính có "hạn 31/12/2017 (theo cách hiểu của quy tắc HL641-TOWN)"

    Khung tình huống: thị trấn công bố ngày <công_bố> → <kết_quả> (hạn 31/12/2017, Chủ nhật, không lùi)
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan có tên "UBND thị trấn Hữu Lũng"
      Và cơ quan công bố HTQLCL ngày "<công_bố>" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "<kết_quả>"
      Và ngày thực hiện là "<công_bố>"

      Dữ liệu:
        | công_bố    | kết_quả |
        | 31/12/2017 | đạt     |
        | 01/01/2018 | không đạt |

    Khung tình huống: thị trấn chưa công bố, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan có tên "UBND thị trấn Hữu Lũng"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "<kết_quả>"

      Dữ liệu: công văn ký ngày 23/08/2017, không ràng buộc trước ngày đó; thị trấn thuộc bản đồ ba cấp chấm dứt
      hoạt động sau ngày 30/06/2025 nhưng kết quả không đạt có trước đó vẫn giữ nguyên
        | đánh_giá   | kết_quả       |
        | 22/08/2017 | không áp dụng |
        | 23/08/2017 | chưa hoàn thành      |
        | 31/12/2017 | chưa hoàn thành      |
        | 01/01/2018 | không đạt       |
        | 30/06/2025 | không đạt       |
        | 01/07/2025 | không đạt       |
        | 15/03/2026 | không đạt       |

    Tình huống: thị trấn đã công bố trước ngày công văn → đạt ngay từ ngày công văn
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan có tên "UBND thị trấn Hữu Lũng"
      Và cơ quan công bố HTQLCL ngày "15/06/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "23/08/2017"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "đạt"
      Và ngày thực hiện là "15/06/2016"

    Tình huống: thị trấn công bố ngày 20/12/2017, đánh giá ngày 19/12/2017: quyết định chưa tính → chưa hoàn thành
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan có tên "UBND thị trấn Hữu Lũng"
      Và cơ quan công bố HTQLCL ngày "20/12/2017" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "19/12/2017"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "chưa hoàn thành"

    Khung tình huống: tên viết "<tên>" vẫn là UBND thị trấn Hữu Lũng → không đạt
      Cho một cơ quan cấp "xã" tại tỉnh "<tỉnh>", huyện "Hữu Lũng"
      Và cơ quan có tên "<tên>"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "không đạt"

      Dữ liệu:
        | tên                                   | tỉnh          |
        | Ủy ban nhân dân thị trấn Hữu Lũng     | Lạng Sơn      |
        | Uỷ ban nhân dân Thị trấn Hữu Lũng     | tỉnh Lạng Sơn |
        | UBND Thị Trấn Hữu Lũng                | LẠNG SƠN      |

    Khung tình huống: <cơ_quan> không phải UBND thị trấn Hữu Lũng → không áp dụng
      Cho một cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>", huyện "<huyện>"
      Và cơ quan có tên "<cơ_quan>"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "HL641-TOWN" có kết quả "không áp dụng"

      Dữ liệu:
        | cơ_quan                              | cấp   | tỉnh     | huyện    |
        | UBND xã Minh Sơn                     | xã    | Lạng Sơn | Hữu Lũng |
        | Phòng Nội vụ huyện Hữu Lũng          | phòng | Lạng Sơn | Hữu Lũng |
        | UBND huyện Hữu Lũng                  | huyện | Lạng Sơn | Hữu Lũng |
        | UBND thị trấn Hữu Lũng               | xã    | Bắc Giang | Lục Nam |

    Khung tình huống: tên tỉnh viết sai "<viết>" → dữ liệu bị từ chối, gợi ý "Lạng Sơn"
      Cho một cơ quan cấp "xã" tại tỉnh "<viết>", huyện "Hữu Lũng"
      Và cơ quan có tên "UBND thị trấn Hữu Lũng"
      Khi kiểm tra dữ liệu
      Thì dữ liệu bị từ chối ở trường "Tỉnh, thành phố" với gợi ý "Lạng Sơn"

      Dữ liệu:
        | viết     |
        | Lạng Sớn |
        | Lang Son |

  @nhac-lai
  Quy tắc: Mục 1–5 nhắc lại Quyết định 19 cho các cơ quan của huyện Hữu Lũng
    Mục 1: "HTQLCL của các cơ quan, đơn vị phải bao gồm các hoạt động liên quan đến thực hiện thủ tục hành chính
    cho tổ chức, cá nhân;"
    Mục 2: "Bảo đảm sự tham gia của lãnh đạo, các đơn vị và cá nhân có liên quan trong quá trình xây dựng và áp
    dụng HTQLCL;"
    Mục 3: "Cập nhật các thay đổi của văn bản quy phạm pháp luật liên quan đến hoạt động xử lý công việc vào HTQLCL
    để áp dụng trong thời gian chậm nhất là 03 tháng kể từ khi văn bản quy phạm pháp luật có hiệu lực thi hành;"
    Mục 4: "Thực hiện đánh giá nội bộ và xem xét của lãnh đạo cơ quan, đơn vị tối thiểu 01 lần/năm để đảm bảo
    HTQLCL phù hợp với các yêu cầu của Tiêu chuẩn quốc gia TCVN ISO 9001:2008, quy định của pháp luật và thực tế
    công tác tại cơ quan, đơn vị;"
    Mục 5: "Thực hiện công bố lại theo quy định khi có sự điều chỉnh, mở rộng, thu hẹp phạm vi áp dụng HTQLCL."

    Tình huống: UBND thị trấn Hữu Lũng (tệp mẫu): cập nhật văn bản năm 2018 có nguồn mục 3 sau Điều 4.4.a
      Cho cơ quan theo tệp mẫu "ubnd-thi-tran-huu-lung"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 61/2018/NĐ-CP" có kết quả "không đạt"
      Và hạn là "21/09/2018"
      Và nguồn gồm "HL641/3" sau "QD19/4.4.a"

    Khung tình huống: văn bản có hiệu lực ngày <hiệu_lực>, hạn cập nhật <hạn> → <có_không> nguồn mục 3
      Cho một cơ quan cấp "phòng" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Thông tư 01/2017/TT-BNV | <hiệu_lực>       | 01/07/2017               |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Thông tư 01/2017/TT-BNV" có kết quả "đạt"
      Và hạn là "<hạn>"
      Và nguồn gồm "QD19/4.4.a"
      Và nguồn <bước_nguồn> "HL641/3"

      Dữ liệu: hạn trước ngày công văn (23/08/2017) thì công văn chưa là nguồn
        | hiệu_lực   | hạn        | có_không | bước_nguồn |
        | 22/05/2017 | 22/08/2017 | không có | không có   |
        | 23/05/2017 | 23/08/2017 | có       | gồm        |

    Tình huống: phòng chuyên môn của huyện Hữu Lũng: mỗi nghĩa vụ nhắc lại có nguồn mục tương ứng
      Cho một cơ quan cấp "phòng" tại tỉnh "Lạng Sơn", huyện "Hữu Lũng"
      Và cơ quan công bố HTQLCL ngày "10/05/2017" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "15/09/2018" theo "TCVN ISO 9001:2008"
      Và Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
      Và mục "Thành viên Ban chỉ đạo" gồm:
        | Họ và tên     | Chức danh trong Ban | Là lãnh đạo cơ quan | Từ ngày    |
        | Lương Văn Hòa | Trưởng ban          | có                  | 01/03/2017 |
      Và mục "Thủ tục hành chính" gồm:
        | Mã TTHC  | Ngày bắt đầu giải quyết | Ngày đưa vào HTQLCL |
        | 1.004227 | 01/01/2018              | 01/02/2018          |
      Và mục "Thay đổi phạm vi" gồm:
        | Ngày thay đổi | Loại thay đổi |
        | 01/09/2018    | Mở rộng       |
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 20/11/2018    |
      Và mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | 18/12/2018   |
      Và ngày đánh giá là "31/12/2018"
      Khi đánh giá
      Thì quy tắc "QD19-SCOPE" với "1.004227" có kết quả "đạt"
      Và nguồn gồm "HL641/1" sau "QD19/3.1"
      Thì quy tắc "QD19-LEADERSHIP" có kết quả "đạt"
      Và nguồn gồm "HL641/2" sau "QD19/3.2"
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2018" có kết quả "đạt"
      Và nguồn gồm "HL641/4" sau "QD19/4.4.b"
      Thì quy tắc "QD19-MGMT-REVIEW" với "2018" có kết quả "đạt"
      Và nguồn gồm "HL641/4" sau "QD19/4.4.b"
      Thì quy tắc "QD19-REDECLARE" với "2018-09-01" có kết quả "đạt"
      Và nguồn gồm "HL641/5" sau "QD19/4.4.c"

    Tình huống: cơ quan ở huyện khác của tỉnh Lạng Sơn: không có nguồn của công văn 641
      Cho một cơ quan cấp "phòng" tại tỉnh "Lạng Sơn", huyện "Cao Lộc"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Thông tư 01/2017/TT-BNV | 01/09/2017       | 01/10/2017               |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Thông tư 01/2017/TT-BNV" có kết quả "đạt"
      Và nguồn gồm "QD19/4.4.a"
      Và nguồn không có "HL641/3"

    Tình huống: sở của tỉnh Lạng Sơn (không thuộc huyện): không có nguồn của công văn 641
      Cho một cơ quan cấp "sở" tại tỉnh "Lạng Sơn"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Thông tư 01/2017/TT-BNV | 01/09/2017       | 01/10/2017               |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Thông tư 01/2017/TT-BNV" có kết quả "đạt"
      Và nguồn không có "HL641/3"
