"""Stand-in for PySide6.QtOpenGL inside the bundle (8.9 MB left out on Linux).

pyqtgraph imports PySide6.QtOpenGL when it loads (pyqtgraph/Qt/OpenGLHelpers.py) but
uses it only to draw with OpenGL (``useOpenGL``), which KPI Desk never turns on: its
charts are painted by QPainter and exported with ImageExporter. QtOpenGLWidgets, which
pyqtgraph subclasses at import, stays the real module.
"""


def __getattr__(name: str) -> object:
    raise AttributeError(f"PySide6.QtOpenGL is left out of the KPI Desk bundle ({name})")
