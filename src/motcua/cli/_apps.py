"""The Typer applications every command module attaches to.

Why a separate module: each room owns its command module (``catalog.py``, ``docs.py``,
``clean.py`` ...) and attaches to these apps, so rooms never edit each other's files.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="motcua",
    help="motcua: trợ lý thủ tục hành chính cho bộ phận một cửa. Lệnh 'eval' dành cho người "
         "phát triển (tiếng Anh).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
catalog_app = typer.Typer(help="Danh mục thủ tục: nhập, liệt kê, xem, gỡ.",
                          no_args_is_help=True)
docs_app = typer.Typer(help="Kho văn bản của cán bộ: nhập, tìm, hỏi, tóm tắt.",
                       no_args_is_help=True)
clean_app = typer.Typer(help="Làm sạch dữ liệu dân cư theo bản đồ hành chính hai cấp.",
                        no_args_is_help=True)
eval_app = typer.Typer(help="(Developers) measure quality against question sets.",
                       no_args_is_help=True)
index_app = typer.Typer(help="Chỉ mục tìm kiếm: tình trạng so với kho dữ liệu, xây dựng lại.",
                        no_args_is_help=True)

app.add_typer(catalog_app, name="catalog")
app.add_typer(docs_app, name="docs")
app.add_typer(clean_app, name="clean")
app.add_typer(eval_app, name="eval")
app.add_typer(index_app, name="index")
