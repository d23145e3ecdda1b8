"""Everything our theme overrides (theme/, Material's custom_dir) take from mkdocs-material is in
the installed Material: the templates they include, import or extend, the files they link, and
Material's hashed asset names (core/adapters/mkdocs/render.py ``material_theme``). An upgrade that drops or
renames one fails here with one message per missing name, not with hundreds of broken links.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from core.errors import BuildError
from core.adapters.mkdocs.render import HASHED_ASSETS, material_theme
from core.context import read_config
from properdocs.utils import get_theme_dir

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "theme"
MATERIAL = Path(get_theme_dir("material"))


def _names(node: nodes.Node) -> list[str]:
    """The literal names in a template expression: "a.html", or a list of them."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (nodes.List, nodes.Tuple)):
        return [name for item in node.items for name in _names(item)]
    return []


def _references(template: Path) -> list[tuple[int, str, str]]:
    """(line, kind, name) for every template, asset and ``material_theme`` key ``template``
    names, read with Jinja's own parser (the one the renderer uses)."""
    tree = jinja2.Environment().parse(template.read_text(encoding="utf-8"))
    found = []
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        found += [(node.lineno, "template", name) for name in _names(node.template)]
    for node in tree.find_all(nodes.Filter):
        if node.name == "url" and node.node is not None:
            found += [(node.lineno, "asset", name) for name in _names(node.node)]
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "material_theme":
            found.append((node.lineno, "material_theme", node.attr))
    return sorted(found)


def _config_assets(config_file: Path) -> list[str]:
    """The theme files mkdocs.yml names: favicon, logo, extra CSS and JavaScript."""
    config = read_config(config_file)
    theme = config.get("theme") or {}
    return (
        [theme[key] for key in ("favicon", "logo") if theme.get(key)]
        + list(config.get("extra_css") or [])
        + list(config.get("extra_javascript") or [])
    )


def missing_references(theme: Path, material: Path, config_file: Path) -> list[str]:
    """One message per name in ``theme``'s templates (and ``config_file``'s theme files) that
    neither ``theme`` nor the installed Material (``material``) has."""
    known = material_theme(str(material))
    where = f"mkdocs-material {known['version']} ({material})"
    problems = []
    for template in sorted(theme.rglob("*.html")):
        rel = template.relative_to(theme.parent).as_posix()
        for line, kind, name in _references(template):
            if kind == "material_theme":
                if name not in known:
                    problems.append(
                        f"{rel}:{line}: material_theme.{name}: no such key "
                        f"(expected one of {', '.join(sorted(known))})"
                    )
            elif kind == "asset" and not name.startswith("assets/"):
                continue  # a page some plugin makes (Material's RSS feeds), not a theme file
            elif not ((theme / name).is_file() or (material / name).is_file()):
                problems.append(
                    f"{rel}:{line}: {kind} {name!r} is neither in {theme.name}/ nor in {where}"
                )
    for name in _config_assets(config_file):
        if not ((theme / name).is_file() or (material / name).is_file()):
            problems.append(
                f"{config_file.name}: {name!r} is neither in {theme.name}/ nor in {where}"
            )
    return problems


def test_every_template_and_asset_the_theme_names_is_in_the_installed_material():
    problems = missing_references(THEME, MATERIAL, ROOT / "mkdocs.yml")
    assert not problems, "\n".join(problems)


def test_the_theme_loads_materials_hashed_assets_by_key_not_by_a_hashed_name():
    # A hashed name written into a template breaks with the next Material release.
    used = {
        name
        for template in THEME.rglob("*.html")
        for _, kind, name in _references(template)
        if kind == "material_theme"
    }
    assert set(HASHED_ASSETS) <= used | {"version"}
    for template in THEME.rglob("*.html"):
        for line, kind, name in _references(template):
            assert not (kind == "asset" and ".min." in name), f"{template}:{line}: {name}"


def test_the_installed_materials_hashed_assets_are_found():
    found = material_theme(str(MATERIAL))
    for key, pattern in HASHED_ASSETS.items():
        assert (MATERIAL / found[key]).is_file()
        assert Path(found[key]).match(pattern)


def test_a_theme_naming_what_material_does_not_have_gets_one_line_for_each(tmp_path):
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / "assets").mkdir()
    (theme / "assets" / "ours.js").write_text("")
    (theme / "main.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block scripts %}<script src=\"{{ 'assets/ours.js' | url }}\"></script>\n"
        "<script src=\"{{ 'assets/javascripts/bundle.0123abcd.min.js' | url }}\"></script>\n"
        '{% include "partials/gone.html" %}{% endblock %}\n'
    )
    (theme / "partials" / "head.html").write_text(
        '<link rel="stylesheet" href="{{ material_theme.mian_css | url }}">\n'
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text("theme:\n  favicon: assets/missing.svg\nextra_javascript: [assets/ours.js]\n")
    where = f"mkdocs-material {material_theme(str(MATERIAL))['version']} ({MATERIAL})"
    keys = ", ".join(sorted(material_theme(str(MATERIAL))))
    assert missing_references(theme, MATERIAL, config) == [
        f"theme/main.html:3: asset 'assets/javascripts/bundle.0123abcd.min.js' is neither in "
        f"theme/ nor in {where}",
        f"theme/main.html:4: template 'partials/gone.html' is neither in theme/ nor in {where}",
        f"theme/partials/head.html:1: material_theme.mian_css: no such key (expected one of {keys})",
        f"mkdocs.yml: 'assets/missing.svg' is neither in theme/ nor in {where}",
    ]


def test_a_material_without_a_hashed_asset_fails_the_build_naming_it(tmp_path):
    # What an upgrade that renamed or doubled Material's files would meet in core/adapters/mkdocs/render.py.
    stylesheets, scripts = tmp_path / "assets/stylesheets", tmp_path / "assets/javascripts"
    (scripts / "workers").mkdir(parents=True)
    stylesheets.mkdir(parents=True)
    for name in ("main.11111111.min.css", "main.22222222.min.css"):
        (stylesheets / name).write_text("")
    (scripts / "bundle.33333333.min.js").write_text("")
    (scripts / "workers" / "search.44444444.min.js").write_text("")
    with pytest.raises(BuildError) as error:
        material_theme(str(tmp_path))
    version = material_theme(str(MATERIAL))["version"]
    assert str(error.value) == (
        f"mkdocs-material {version} in {tmp_path} does not have the assets theme/base.html "
        "loads:\n"
        "  assets/stylesheets/main.*.min.css: expected one file, found "
        "assets/stylesheets/main.11111111.min.css, assets/stylesheets/main.22222222.min.css\n"
        "  assets/stylesheets/palette.*.min.css: expected one file, found none"
    )
