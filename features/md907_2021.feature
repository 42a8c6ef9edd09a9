# language: vi
# Gương của rules/md907_2021.yaml. Mô tả trích nguyên văn rules/sources/003_d2deee8cea21dd3a.txt.
# Ngày đã kiểm tra: 16/07/2021 Thứ Sáu; 30/09/2021 Thứ Năm; 30/06/2025 Thứ Hai; 01/07/2025 Thứ Ba;
# 15/04/2021 + 3 tháng → 15/07/2021 (Thứ Năm); 16/04/2021 + 3 tháng → 16/07/2021 (Thứ Sáu).
Tính năng: Công văn 907/UBND-KT của UBND huyện Mộ Đức — tiếp tục áp dụng, duy trì và cải tiến HTQLCL
  UBND huyện Mộ Đức (tỉnh Quảng Ngãi) ký ngày 16/07/2021, gửi thủ trưởng các cơ quan chuyên môn thuộc huyện và
  UBND các xã, thị trấn. Mục 1 nhắc lại Quyết định 19 và thêm việc báo cáo hằng quý cho Ban chỉ đạo ISO huyện.

  @MD907-QUARTERLY-REPORT
  Quy tắc: Báo cáo hằng quý cho Thường trực Ban chỉ đạo ISO huyện Mộ Đức
    Mục 1, gạch đầu dòng thứ hai: "Định kỳ hàng quý báo cáo cho Thường trực Ban chỉ đạo xây dựng và áp dụng Hệ thống
    quản lý chất lượng theo tiêu chuẩn quốc gia 9001:2015 huyện (*qua phòng Kinh tế và Hạ tầng huyện*)."

    Tình huống: UBND xã gửi báo cáo quý III/2021 ngày 28/09/2021 → đạt
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi   |
        | Hằng quý     | 2021-Q3    | 28/09/2021 |
      Và ngày đánh giá là "15/10/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" với "2021-Q3" có kết quả "đạt"
      Và hạn là "30/09/2021"
      Và ngày thực hiện là "28/09/2021"
      Và nguồn gồm "MD907/1.2"

    Khung tình huống: báo cáo quý III/2021 gửi ngày <gửi> → <kết_quả>
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi |
        | Hằng quý     | 2021-Q3    | <gửi>    |
      Và ngày đánh giá là "15/10/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" với "2021-Q3" có kết quả "<kết_quả>"
      Và hạn là "30/09/2021"

      Dữ liệu:
        | gửi        | kết_quả |
        | 30/09/2021 | đạt     |
        | 01/10/2021 | không đạt |

    Khung tình huống: chưa có báo cáo nào, đánh giá ngày <đánh_giá> → quý III/2021 <kết_quả>
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" với "2021-Q3" có kết quả "<kết_quả>"
      Và hạn là "30/09/2021"

      Dữ liệu: quý đầu tiên là quý III/2021, quý của ngày công văn
        | đánh_giá   | kết_quả  |
        | 16/07/2021 | chưa hoàn thành |
        | 30/09/2021 | chưa hoàn thành |
        | 01/10/2021 | không đạt  |

    Tình huống: đánh giá ngày 15/07/2021, trước ngày công văn → không áp dụng
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "15/07/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" có kết quả "không áp dụng"

    Tình huống: không có nghĩa vụ cho quý II/2021, trước ngày công văn
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "15/10/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" không có phát hiện nào với "2021-Q2"
      Và quy tắc "MD907-QUARTERLY-REPORT" với "2021-Q3" có kết quả "không đạt"

    Tình huống: giữa quý II/2023 chưa gửi báo cáo quý → chưa hoàn thành đến hết 30/06/2023
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "15/05/2023"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" với "2023-Q2" có kết quả "chưa hoàn thành"
      Và hạn là "30/06/2023"

    Khung tình huống: báo cáo quý II/2025, quý cuối cùng, gửi ngày <gửi> → <kết_quả>
      Cho một cơ quan cấp "<cấp>" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi |
        | Hằng quý     | 2025-Q2    | <gửi>    |
      Và ngày đánh giá là "15/07/2025"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" với "2025-Q2" có kết quả "<kết_quả>"
      Và hạn là "30/06/2025"

      Dữ liệu: cấp huyện chấm dứt từ 01/07/2025: ngày 30/06/2025 là ngày cuối cùng
        | cấp   | gửi        | kết_quả |
        | xã    | 30/06/2025 | đạt     |
        | xã    | 01/07/2025 | không đạt |
        | phòng | 30/06/2025 | đạt     |
        | phòng | 01/07/2025 | không đạt |

    Tình huống: không có quý III/2025: quy tắc hết hiệu lực ngày 30/06/2025
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "01/10/2025"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" không có phát hiện nào với "2025-Q3"
      Và quy tắc "MD907-QUARTERLY-REPORT" với "2025-Q2" có kết quả "không đạt"

    Tình huống: báo cáo tháng không thay báo cáo quý → không đạt
      Cho một cơ quan cấp "phòng" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi   |
        | Hằng tháng   | 2024-12    | 20/12/2024 |
      Và ngày đánh giá là "15/01/2025"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" với "2024-Q4" có kết quả "không đạt"
      Và hạn là "31/12/2024"

    Tình huống: UBND xã: tệp không có mục báo cáo quý → thiếu dữ liệu
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và ngày đánh giá là "15/10/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" có kết quả "thiếu dữ liệu"

    Khung tình huống: cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>", huyện "<huyện>" → không áp dụng
      Cho một cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>", huyện "<huyện>"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "15/10/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" có kết quả "không áp dụng"

      Dữ liệu: chính UBND huyện và xã của huyện khác không thuộc diện
        | cấp   | tỉnh       | huyện      |
        | huyện | Quảng Ngãi | Mộ Đức     |
        | xã    | Quảng Ngãi | Nghĩa Hành |
        | xã    | Bình Định  | Phù Mỹ     |

    Tình huống: sở của tỉnh Quảng Ngãi (không thuộc huyện) → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Quảng Ngãi"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "15/10/2021"
      Khi đánh giá
      Thì quy tắc "MD907-QUARTERLY-REPORT" có kết quả "không áp dụng"

  @nhac-lai
  Quy tắc: Mục 1 nhắc lại Quyết định 19 cho các xã và cơ quan của huyện Mộ Đức
    Mục 1, gạch đầu dòng thứ nhất: "Thực hiện đánh giá nội bộ, khắc phục các điểm không phù hợp và xem xét của
    Lãnh đạo tối thiểu một năm một lần để đảm bảo Hệ thống quản lý chất lượng phù hợp với các yêu cầu của Tiêu chuẩn
    quốc gia TCVN ISO 9001:2015, quy định của pháp luật và thực tế của cơ quan.."
    "Cập nhập các thay đổi của văn bản quy phạm pháp luật liên quan đến hoạt động xử lý công việc vào Hệ thống quản
    lý chất lượng để áp dụng trong thời gian chậm nhất là 03 tháng kể từ khi văn bản quy phạm pháp luật có hiệu lực
    thi hành."

    Tình huống: UBND xã của huyện Mộ Đức: mỗi nghĩa vụ nhắc lại có nguồn của công văn 907
      Cho một cơ quan cấp "xã" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và cơ quan công bố HTQLCL ngày "01/10/2020" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL             | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 107/2021/NĐ-CP | 01/08/2021       | 15/09/2021               |
      Và đợt đánh giá nội bộ ngày "10/11/2021" có điểm không phù hợp:
        | Mã điểm không phù hợp | Hạn khắc phục | Ngày khắc phục xong |
        | NC-2021-01            | 30/11/2021    | 25/11/2021          |
      Và mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | 15/12/2021   |
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "đạt"
      Và hạn là "01/11/2021"
      Và nguồn gồm "MD907/1.1.3" sau "QD19/4.4.a"
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2021" có kết quả "đạt"
      Và nguồn gồm "MD907/1.1.2" sau "QD19/4.4.b"
      Thì quy tắc "QD19-MGMT-REVIEW" với "2021" có kết quả "đạt"
      Và nguồn gồm "MD907/1.1.2" sau "QD19/4.4.b"
      Thì quy tắc "QD19-CORRECTIVE" với "NC-2021-01" có kết quả "đạt"
      Và nguồn gồm "MD907/1.1.2" sau "QD19/4.2.b"

    Khung tình huống: văn bản có hiệu lực ngày <hiệu_lực>, hạn cập nhật <hạn> → nguồn <bước_nguồn> công văn 907
      Cho một cơ quan cấp "phòng" tại tỉnh "Quảng Ngãi", huyện "Mộ Đức"
      Và cơ quan công bố HTQLCL ngày "01/10/2020" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL              | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Thông tư 02/2021/TT-BKHCN | <hiệu_lực>       | 01/06/2021               |
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Thông tư 02/2021/TT-BKHCN" có kết quả "đạt"
      Và hạn là "<hạn>"
      Và nguồn <bước_nguồn> "MD907/1.1.3"

      Dữ liệu: hạn trước ngày công văn (16/07/2021) thì công văn chưa là nguồn
        | hiệu_lực   | hạn        | bước_nguồn |
        | 15/04/2021 | 15/07/2021 | không có   |
        | 16/04/2021 | 16/07/2021 | gồm        |

    Khung tình huống: cơ quan cấp "<cấp>" tại huyện "<huyện>" không thuộc diện → không có nguồn của công văn 907
      Cho một cơ quan cấp "<cấp>" tại tỉnh "Quảng Ngãi", huyện "<huyện>"
      Và cơ quan công bố HTQLCL ngày "01/10/2020" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL             | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 107/2021/NĐ-CP | 01/08/2021       | 15/09/2021               |
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "đạt"
      Và nguồn gồm "QD19/4.4.a"
      Và nguồn không có "MD907/1.1.3"

      Dữ liệu:
        | cấp   | huyện      |
        | xã    | Nghĩa Hành |
        | huyện | Mộ Đức     |
