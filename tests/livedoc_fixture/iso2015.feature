# language: vi
# Bộ tính năng nhỏ của tests/test_livedoc.py: một khung tình huống (mỗi dòng dữ liệu một kết quả riêng) và
# một tình huống thường; tất cả đều thành công.
Tính năng: Mẫu tài liệu sống — chuyển đổi sang TCVN ISO 9001:2015

  @BKHCN-ISO2015
  Quy tắc: Áp dụng TCVN ISO 9001:2015 (chuyển đổi trước ngày 30/6/2021)

    Khung tình huống: chuyển đổi ngày <chuyển_đổi> → <kết_quả>
      Cho một cơ quan cấp "sở" tại tỉnh "Thừa Thiên Huế"
      Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2008"
      Và cơ quan công bố HTQLCL ngày "<chuyển_đổi>" theo "TCVN ISO 9001:2015"
      Và ngày đánh giá là "31/12/2021"
      Khi đánh giá
      Thì quy tắc "BKHCN-ISO2015" với "TCVN ISO 9001:2015" có kết quả "<kết_quả>"

      Dữ liệu:
        | chuyển_đổi | kết_quả |
        | 29/06/2021 | đạt     |
        | 30/06/2021 | không đạt |

  @QD19-ADOPT
  Quy tắc: Cơ quan thuộc diện bắt buộc phải xây dựng, áp dụng và công bố HTQLCL

    Tình huống: UBND huyện chưa công bố HTQLCL → không đạt
      Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-ADOPT" có kết quả "không đạt"
