# language: vi
# Bộ tính năng nhỏ của tests/test_livedoc.py (không thuộc bộ kiểm thử chính): từ vựng bước và mã quy tắc thật.
# Tình huống cuối CỐ Ý THẤT BẠI, để tài liệu sống phải đánh dấu nó là thất bại.
Tính năng: Mẫu tài liệu sống — cập nhật văn bản quy phạm pháp luật

  @QD19-LEGAL-UPDATE
  Quy tắc: Cập nhật thay đổi văn bản quy phạm pháp luật vào HTQLCL trong ba tháng

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

    Tình huống: cố ý thất bại — văn bản chưa cập nhật khi đã quá hạn nhưng kỳ vọng ghi là đạt
      Cho mục "Thay đổi văn bản QPPL" gồm:
        | Văn bản QPPL             | Ngày có hiệu lực |
        | Nghị định 107/2021/NĐ-CP | 01/12/2021       |
      Và ngày đánh giá là "28/10/2022"
      Khi đánh giá
      Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "đạt"
