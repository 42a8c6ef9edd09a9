# language: vi
# Gương của rules/ls174_2017.yaml. Mô tả trích nguyên văn rules/sources/001_21d056adb903a26d.txt (bản tin về
# Kế hoạch 174/KH-UBND). 31/12/2017 là Chủ nhật, 31/12/2020 là Thứ Năm: hạn là ngày cố định, không lùi.
Tính năng: Kế hoạch 174/KH-UBND của UBND tỉnh Lạng Sơn — mô hình điểm HTQLCL ở UBND cấp xã
  UBND tỉnh Lạng Sơn ban hành ngày 16/10/2017: thí điểm ở 50 UBND cấp xã thuộc 10 huyện trong năm 2017, và đến
  hết năm 2020 trên 70% UBND cấp xã của tỉnh có HTQLCL.

  @LS174-PILOT
  Quy tắc: UBND cấp xã thí điểm xây dựng và công bố HTQLCL trong năm 2017
    Bản tin: "Ngày 16/10/2017, UBND tỉnh đã ban hành Kế hoạch số 174/KH-UBND về việc triển khai xây dựng mô hình
    điểm áp dụng hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của UBND cấp
    xã năm 2017."
    "Mục tiêu chính của Kế hoạch này là triển khai xây dựng mô hình điểm áp dụng hệ thống quản lý chất lượng vào
    hoạt động của 50 UBND cấp xã thuộc 10 huyện trên địa bàn tỉnh."

    Tình huống: xã thí điểm công bố HTQLCL ngày 20/12/2017 → đạt
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Cao Lộc"
      Và cơ quan tham gia chương trình "LS174-pilot"
      Và cơ quan công bố HTQLCL ngày "20/12/2017" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "LS174-PILOT" với "HTQLCL" có kết quả "đạt"
      Và hạn là "31/12/2017"
      Và ngày thực hiện là "20/12/2017"
      Và nguồn gồm "LS174/pilot"

    Khung tình huống: xã thí điểm công bố ngày <công_bố> → <kết_quả>
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Cao Lộc"
      Và cơ quan tham gia chương trình "LS174-pilot"
      Và cơ quan công bố HTQLCL ngày "<công_bố>" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "LS174-PILOT" có kết quả "<kết_quả>"
      Và hạn là "31/12/2017"

      Dữ liệu: 31/12/2017 là Chủ nhật nhưng là ngày cố định: công bố ngày 01/01/2018 là muộn
        | công_bố    | kết_quả |
        | 31/12/2017 | đạt     |
        | 01/01/2018 | không đạt |

    Khung tình huống: xã thí điểm chưa công bố, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Cao Lộc"
      Và cơ quan tham gia chương trình "LS174-pilot"
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "LS174-PILOT" có kết quả "<kết_quả>"

      Dữ liệu: kế hoạch ban hành ngày 16/10/2017; hạn 31/12/2017
        | đánh_giá   | kết_quả       |
        | 15/10/2017 | không áp dụng |
        | 16/10/2017 | chưa hoàn thành      |
        | 31/12/2017 | chưa hoàn thành      |
        | 01/01/2018 | không đạt       |

    Tình huống: xã thí điểm công bố ngày 20/12/2017, đánh giá ngày 19/12/2017: quyết định chưa tính → chưa hoàn thành
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Cao Lộc"
      Và cơ quan tham gia chương trình "LS174-pilot"
      Và cơ quan công bố HTQLCL ngày "20/12/2017" theo "TCVN ISO 9001:2008"
      Và ngày đánh giá là "19/12/2017"
      Khi đánh giá
      Thì quy tắc "LS174-PILOT" có kết quả "chưa hoàn thành"
      Và hạn là "31/12/2017"

    Tình huống: xã của tỉnh Lạng Sơn không tham gia chương trình thí điểm → không áp dụng
      Cho một cơ quan cấp "xã" tại tỉnh "Lạng Sơn", huyện "Cao Lộc"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "LS174-PILOT" có kết quả "không áp dụng"

    Khung tình huống: cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>" ghi chương trình thí điểm nhưng không thuộc diện → không áp dụng
      Cho một cơ quan cấp "<cấp>" tại tỉnh "<tỉnh>", huyện "<huyện>"
      Và cơ quan tham gia chương trình "LS174-pilot"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "LS174-PILOT" có kết quả "không áp dụng"

      Dữ liệu: chỉ UBND cấp xã của tỉnh Lạng Sơn
        | cấp   | tỉnh      | huyện   |
        | xã    | Bắc Giang | Lục Nam |
        | huyện | Lạng Sơn  | Cao Lộc |
        | phòng | Lạng Sơn  | Cao Lộc |

  @LS174-TARGET-2020
  Quy tắc: Đến hết năm 2020, trên 70% UBND cấp xã của tỉnh có HTQLCL
    Bản tin: "phấn đấu đến hết năm 2020 có trên 70% UBND cấp xã hoàn thành việc xây dựng và áp dụng hệ thống quản
    lý vào hoạt động của đơn vị."

    Tình huống: 8 trong 10 xã đã công bố (80%) → đạt
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 8 đã công bố HTQLCL ngày "15/06/2019"
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" với "2020" có kết quả "đạt"
      Và hạn là "31/12/2020"
      Và ngày thực hiện là "15/06/2019"
      Và mẫu số là 10 đơn vị, trong đó 8 đã công bố
      Và nguồn gồm "LS174/target-2020"

    Tình huống: đúng 70% (7 trong 10 xã) chưa phải "trên 70%" → không đạt
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 7 đã công bố HTQLCL ngày "15/06/2019"
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "không đạt"
      Và hạn là "31/12/2020"
      Và mẫu số là 10 đơn vị, trong đó 7 đã công bố

    Khung tình huống: <đã_công_bố> trong 100 xã đã công bố → <kết_quả>
      Cho danh mục gồm 100 UBND cấp xã của tỉnh "Lạng Sơn", trong đó <đã_công_bố> đã công bố HTQLCL ngày "15/06/2019"
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "<kết_quả>"
      Và mẫu số là 100 đơn vị, trong đó <đã_công_bố> đã công bố

      Dữ liệu: 70% đúng bằng ngưỡng thì chưa đạt
        | đã_công_bố | kết_quả |
        | 70         | không đạt |
        | 71         | đạt     |

    Khung tình huống: xã thứ tám công bố ngày <công_bố> → <kết_quả>
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 7 đã công bố HTQLCL ngày "15/06/2019"
      Và danh mục có thêm 1 UBND cấp xã của tỉnh "Lạng Sơn" công bố HTQLCL ngày "<công_bố>"
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "<kết_quả>"
      Và hạn là "31/12/2020"
      Và ngày thực hiện là "<công_bố>"

      Dữ liệu: 8 trên 11 xã là 72,7%; hạn là hết ngày 31/12/2020
        | công_bố    | kết_quả |
        | 31/12/2020 | đạt     |
        | 01/01/2021 | không đạt |

    Tình huống: giữa năm 2020 mới có 70% → chưa hoàn thành đến hết năm
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 7 đã công bố HTQLCL ngày "15/06/2019"
      Và ngày đánh giá là "30/06/2020"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "chưa hoàn thành"
      Và hạn là "31/12/2020"

    Tình huống: quyết định công bố đề ngày sau ngày đánh giá chưa được đếm → chưa hoàn thành
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 7 đã công bố HTQLCL ngày "15/06/2019"
      Và danh mục có thêm 3 UBND cấp xã của tỉnh "Lạng Sơn" công bố HTQLCL ngày "20/12/2020"
      Và ngày đánh giá là "19/12/2020"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "chưa hoàn thành"
      Và mẫu số là 13 đơn vị, trong đó 7 đã công bố

    @mẫu_số
    Tình huống: mẫu số chỉ gồm UBND cấp xã của tỉnh Lạng Sơn, không gồm cấp huyện hay xã tỉnh khác
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 8 đã công bố HTQLCL ngày "15/06/2019"
      Và danh mục có thêm 5 cơ quan cấp "huyện" của tỉnh "Lạng Sơn" công bố HTQLCL ngày "10/05/2016"
      Và danh mục có thêm 4 cơ quan cấp "phòng" của tỉnh "Lạng Sơn" chưa công bố HTQLCL
      Và danh mục có thêm 6 UBND cấp xã của tỉnh "Bắc Giang" chưa công bố HTQLCL
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "đạt"
      Và mẫu số là 10 đơn vị, trong đó 8 đã công bố

    Tình huống: danh mục có cơ quan của tỉnh Lạng Sơn nhưng không có UBND cấp xã nào → thiếu dữ liệu
      Cho danh mục gồm 6 UBND cấp xã của tỉnh "Bắc Giang", trong đó 6 đã công bố HTQLCL ngày "15/06/2019"
      Và danh mục có thêm 5 cơ quan cấp "huyện" của tỉnh "Lạng Sơn" công bố HTQLCL ngày "10/05/2016"
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "thiếu dữ liệu"

    Tình huống: danh mục của tỉnh khác, không có cơ quan nào của tỉnh Lạng Sơn → không áp dụng
      Cho danh mục gồm 6 UBND cấp xã của tỉnh "Bắc Giang", trong đó 6 đã công bố HTQLCL ngày "15/06/2019"
      Và danh mục có thêm 2 cơ quan cấp "huyện" của tỉnh "Bắc Giang" công bố HTQLCL ngày "10/05/2016"
      Và ngày đánh giá là "15/01/2021"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "không áp dụng"

    Tình huống: đánh giá trước ngày ban hành kế hoạch → không áp dụng
      Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 8 đã công bố HTQLCL ngày "15/06/2016"
      Và ngày đánh giá là "15/10/2017"
      Khi đánh giá danh mục
      Thì quy tắc "LS174-TARGET-2020" có kết quả "không áp dụng"

    Khung tình huống: tên tỉnh của một xã viết sai "<viết>" → dữ liệu bị từ chối, gợi ý "Lạng Sơn"
      Cho một cơ quan cấp "xã" tại tỉnh "<viết>", huyện "Cao Lộc"
      Khi kiểm tra dữ liệu
      Thì dữ liệu bị từ chối ở trường "Tỉnh, thành phố" với gợi ý "Lạng Sơn"

      Dữ liệu:
        | viết      |
        | Lang Son  |
        | Lạng Sonn |
