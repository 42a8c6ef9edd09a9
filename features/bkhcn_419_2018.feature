# language: vi
# Gương của rules/bkhcn_419_2018.yaml. Công văn 419/BKHCN-TĐC không có toàn văn trong rules/sources/: chỉ trích
# phần mà rules/sources/README.md cho thấy. "Trước ngày 30/6/2021" là một ngày cố định: không lùi ngày nghỉ.
Tính năng: Công văn 419/BKHCN-TĐC — chuyển đổi sang TCVN ISO 9001:2015
  Công văn hướng dẫn áp dụng TCVN ISO 9001:2015 trong các cơ quan hành chính nhà nước, Bộ Khoa học và Công nghệ
  ban hành ngày 21/02/2018 theo đoạn cuối Điều 4 Quyết định 19/2014/QĐ-TTg, sau khi TCVN ISO 9001:2008 bị hủy bỏ
  (Quyết định 4108/QĐ-BKHCN, 4109/QĐ-BKHCN ngày 31/12/2015).

  @BKHCN-ISO2015
  Quy tắc: Áp dụng TCVN ISO 9001:2015 (chuyển đổi trước ngày 30/6/2021)
    Quyết định 19, Điều 4 đoạn cuối: "Trường hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008 được soát xét, thay đổi và
    được Bộ Khoa học và Công nghệ công bố thì áp dụng theo hướng dẫn của Bộ Khoa học và Công nghệ."
    Công văn 419/BKHCN-TĐC: cơ quan đang áp dụng TCVN ISO 9001:2008 "hoàn thành việc chuyển đổi trước ngày 30/6/2021".

    Bối cảnh:
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"

    Khung tình huống: cơ quan áp dụng TCVN ISO 9001:2008 từ 2016, chuyển đổi ngày <chuyển_đổi> → <kết_quả>
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "<chuyển_đổi>" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "<kết_quả>"
      Và hạn là "29/06/2021"
      Và ngày thực hiện là "<chuyển_đổi>"
      Và nguồn gồm "QD19/4.last"
      Và nguồn gồm "CV419/transition"

      Dữ liệu: "trước ngày 30/6/2021": 29/06/2021 (Thứ Ba) là ngày cuối cùng đúng hạn
        | chuyển_đổi | kết_quả |
        | 15/12/2019 | đạt     |
        | 29/06/2021 | đạt     |
        | 30/06/2021 | không đạt |

    Khung tình huống: cơ quan áp dụng TCVN ISO 9001:2008 chưa chuyển đổi, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "<kết_quả>"
      Và hạn là "29/06/2021"

      Dữ liệu:
        | đánh_giá   | kết_quả  |
        | 29/06/2021 | chưa hoàn thành |
        | 30/06/2021 | không đạt  |

    Khung tình huống: công bố lần đầu ngày <công_bố> theo TCVN ISO 9001:2008 → hạn <hạn>
      Cho cơ quan công bố HTQLCL ngày "<công_bố>" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "không đạt"
      Và hạn là "<hạn>"

      Dữ liệu: từ 21/02/2018 cơ quan công bố lần đầu phải dùng phiên bản 2015 ngay; hôm trước thì còn hạn chuyển đổi
        | công_bố    | hạn        |
        | 21/02/2018 | 21/02/2018 |
        | 20/02/2018 | 29/06/2021 |

    Tình huống: công bố lần đầu ngày 21/02/2018 theo TCVN ISO 9001:2008 rồi chuyển đổi trước 30/6/2021 → vẫn không đạt
      Cho cơ quan công bố HTQLCL ngày "21/02/2018" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "15/12/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "không đạt"
      Và hạn là "21/02/2018"
      Và diễn giải cách tính có "phải áp dụng ngay khi công bố"

    Tình huống: công bố lần đầu ngày 20/02/2018 theo TCVN ISO 9001:2008 rồi chuyển đổi trước 30/6/2021 → đạt
      Cho cơ quan công bố HTQLCL ngày "20/02/2018" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "15/12/2019" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "đạt"
      Và hạn là "29/06/2021"

    Tình huống: công bố lần đầu sau 21/02/2018 theo TCVN ISO 9001:2015 → đạt
      Cho cơ quan công bố HTQLCL ngày "10/05/2018" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "đạt"
      Và hạn là "10/05/2018"
      Và ngày thực hiện là "10/05/2018"

    Tình huống: công bố lần đầu năm 2016 theo TCVN ISO 9001:2015 → đạt
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "đạt"
      Và ngày thực hiện là "10/05/2016"

    Khung tình huống: Công văn 419 ban hành ngày 21/02/2018, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá   | kết_quả       |
        | 20/02/2018 | không áp dụng |
        | 21/02/2018 | chưa hoàn thành      |

    Tình huống: cơ quan chưa công bố HTQLCL → không áp dụng
      Cho ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" có kết quả "không áp dụng"

    Tình huống: UBND xã chưa có HTQLCL → không áp dụng
      Cho cơ quan theo tệp mẫu "ubnd-xa-quang-cong-chua-co-htqlcl"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" có kết quả "không áp dụng"

    Tình huống: UBND thị trấn Hữu Lũng trong tệp mẫu → đạt
      Cho cơ quan theo tệp mẫu "ubnd-thi-tran-huu-lung"
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" có kết quả "đạt"
