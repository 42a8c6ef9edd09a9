# language: vi
# Gương của rules/hm83_2023.yaml. Mô tả trích nguyên văn rules/sources/004_9c808923db5102d2.txt (bản tin về
# Kế hoạch 83/KH-UBND). Ngày đã kiểm tra: 23/02/2023 Thứ Năm; 31/12/2023 Chủ nhật; 29/06/2021 Thứ Ba;
# 22/11/2022 + 3 tháng → 22/02/2023 (Thứ Tư); 23/11/2022 + 3 tháng → 23/02/2023 (Thứ Năm);
# 30/09/2023 + 3 tháng → 30/12/2023 Thứ Bảy → 02/01/2024 (Thứ Ba, sau Chủ nhật và Tết Dương lịch).
Tính năng: Kế hoạch 83/KH-UBND của UBND quận Hoàng Mai — duy trì, cải tiến, mở rộng HTQLCL năm 2023
  UBND quận Hoàng Mai (TP Hà Nội) ban hành ngày 23/02/2023, giao các phòng, ban và UBND các phường duy trì, cải
  tiến và mở rộng HTQLCL theo TCVN ISO 9001:2015 và thường xuyên cập nhật thay đổi văn bản quy phạm pháp luật.

  @HM83-ISO2015
  Quy tắc: Phòng, ban và UBND các phường quận Hoàng Mai duy trì HTQLCL theo TCVN ISO 9001:2015 trong năm 2023
    Bản tin: "Ngày 23/02/2023, UBND quận Hoàng Mai đã ban hành Kế hoạch số 83/KH-UBND xây dựng, duy trì và mở rộng
    hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015 trên địa bàn quận Hoàng Mai năm 2023.
    Theo đó, UBND Quận đã giao nhiệm vụ cho các phòng, ban và UBND các phường thực hiện nghiêm túc các nội dung kế
    hoạch và các yêu cầu theo quy định của Hệ thống đảm bảo thực hiện duy trì, cải tiến và mở rộng Hệ thống quản lý
    chất lượng phù hợp với tiêu chuẩn quốc gia TCVN ISO 9001:2015."

    Tình huống: UBND phường công bố theo TCVN ISO 9001:2015 từ năm 2019 → đạt
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" với "2023" có kết quả "đạt"
      Và hạn là "31/12/2023"
      Và ngày thực hiện là "15/05/2019"
      Và nguồn gồm "HM83/plan"

    Khung tình huống: phường đang theo TCVN ISO 9001:2008 chuyển đổi ngày <chuyển_đổi> → <kết_quả>
      Cho một cơ quan cấp "xã" tại tỉnh "TP Hà Nội", huyện "quận Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "<chuyển_đổi>" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "15/01/2024"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" với "2023" có kết quả "<kết_quả>"
      Và hạn là "31/12/2023"

      Dữ liệu: 31/12/2023 là Chủ nhật nhưng là ngày cố định
        | chuyển_đổi | kết_quả |
        | 31/12/2023 | đạt     |
        | 01/01/2024 | không đạt |

    Khung tình huống: phòng của quận chỉ có công bố theo TCVN ISO 9001:2008, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "phòng" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" có kết quả "<kết_quả>"

      Dữ liệu: kế hoạch ban hành ngày 23/02/2023
        | đánh_giá   | kết_quả       |
        | 22/02/2023 | không áp dụng |
        | 23/02/2023 | chưa hoàn thành      |
        | 31/12/2023 | chưa hoàn thành      |
        | 02/01/2024 | không đạt       |

    Tình huống: UBND phường chưa có HTQLCL cũng thuộc kế hoạch → chưa hoàn thành trong năm 2023
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" với "2023" có kết quả "chưa hoàn thành"
      Và hạn là "31/12/2023"

    Tình huống: đánh giá năm 2024 vẫn thấy kết quả của năm 2023
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "15/06/2024"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" với "2023" có kết quả "đạt"

    Khung tình huống: chuyển đổi ngày <chuyển_đổi>: BKHCN-ISO2015 <bkhcn>, còn năm 2023 vẫn đạt theo kế hoạch 83
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "<chuyển_đổi>" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" có kết quả "<bkhcn>"
      Và hạn là "29/06/2021"
      Và quy tắc "HM83-ISO2015" với "2023" có kết quả "đạt"

      Dữ liệu: "trước ngày 30/6/2021": ngày 29/06/2021 là ngày cuối cùng đúng hạn chuyển đổi
        | chuyển_đổi | bkhcn   |
        | 29/06/2021 | đạt     |
        | 30/06/2021 | không đạt |

    Khung tình huống: cơ quan cấp "<cấp>" tại "<tỉnh>", "<huyện>" → không áp dụng
      Cho một cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>", huyện "<huyện>"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" có kết quả "không áp dụng"

      Dữ liệu: chính UBND quận, phường của quận khác, và xã của thị xã Hoàng Mai (tỉnh Nghệ An) không thuộc diện
        | cấp   | tỉnh    | huyện     |
        | huyện | Hà Nội  | Hoàng Mai |
        | xã    | Hà Nội  | Đống Đa   |
        | xã    | Nghệ An | Hoàng Mai |

    Tình huống: sở của TP Hà Nội (không thuộc quận) → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Hà Nội"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "HM83-ISO2015" có kết quả "không áp dụng"

  @nhac-lai
  Quy tắc: Kế hoạch 83 nhắc lại Quyết định 19 cho các phòng, ban và phường của quận Hoàng Mai năm 2023
    Bản tin: "Thường xuyên cập nhật các thay đổi của văn bản quy phạm pháp luật liên quan đến hoạt động xử lý công
    việc vào Hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015."

    Khung tình huống: văn bản có hiệu lực ngày <hiệu_lực>, hạn cập nhật <hạn> → nguồn <bước_nguồn> kế hoạch 83
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 01/2023/NĐ-CP | <hiệu_lực>       | <cập_nhật>               |
      Và ngày đánh giá là "15/03/2024"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 01/2023/NĐ-CP" có kết quả "đạt"
      Và hạn là "<hạn>"
      Và nguồn gồm "QD19/4.4.a"
      Và nguồn <bước_nguồn> "HM83/legal-update"

      Dữ liệu: hạn phải nằm trong năm kế hoạch, từ ngày ban hành 23/02/2023 đến 31/12/2023
        | hiệu_lực   | cập_nhật   | hạn        | bước_nguồn |
        | 22/11/2022 | 01/12/2022 | 22/02/2023 | không có   |
        | 23/11/2022 | 01/12/2022 | 23/02/2023 | gồm        |
        | 15/09/2023 | 01/10/2023 | 15/12/2023 | gồm        |
        | 30/09/2023 | 15/10/2023 | 02/01/2024 | không có   |

    Tình huống: UBND phường của quận Hoàng Mai: cập nhật văn bản có nguồn kế hoạch 83 sau Điều 4.4.a
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 01/2023/NĐ-CP | 01/03/2023       | 15/04/2023               |
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 01/2023/NĐ-CP" có kết quả "đạt"
      Và hạn là "01/06/2023"
      Và nguồn gồm "HM83/legal-update" sau "QD19/4.4.a"

    Tình huống: phòng của quận: đánh giá nội bộ và xem xét của lãnh đạo năm 2023 có nguồn kế hoạch 83, năm 2022 thì không
      Cho một cơ quan cấp "phòng" tại tỉnh "Hà Nội", huyện "Hoàng Mai"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và mục "Đánh giá nội bộ" gồm:
        | Ngày đánh giá |
        | 10/11/2022    |
        | 10/11/2023    |
      Và mục "Xem xét của lãnh đạo" gồm:
        | Ngày xem xét |
        | 15/12/2022   |
        | 15/12/2023   |
      Và ngày đánh giá là "31/12/2023"
      Khi đánh giá
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2023" có kết quả "đạt"
      Và nguồn gồm "HM83/plan" sau "QD19/4.4.b"
      Thì quy tắc "QD19-MGMT-REVIEW" với "2023" có kết quả "đạt"
      Và nguồn gồm "HM83/plan" sau "QD19/4.4.b"
      Thì quy tắc "QD19-INTERNAL-AUDIT" với "2022" có kết quả "đạt"
      Và nguồn không có "HM83/plan"

    Tình huống: phường của quận khác: không có nguồn kế hoạch 83
      Cho một cơ quan cấp "xã" tại tỉnh "Hà Nội", huyện "Đống Đa"
      Và cơ quan công bố HTQLCL ngày "15/05/2019" theo "TCVN ISO 9001:2015"
      Và mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL            | Ngày có hiệu lực | Ngày cập nhật vào HTQLCL |
        | Nghị định 01/2023/NĐ-CP | 01/03/2023       | 15/04/2023               |
      Và ngày đánh giá là "28/10/2023"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 01/2023/NĐ-CP" có kết quả "đạt"
      Và nguồn không có "HM83/legal-update"
