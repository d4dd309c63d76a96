"""What the Agenda GUI tests of stars share: a session's star button, a toast's close button,
and the copies of unsaved stars in the runtime folder."""

import os

import pyatspi

import atspi as ui
from atspi import Failure, find, role, text_of

RESCUE = os.path.join(os.environ["XDG_RUNTIME_DIR"], "delegate")


def star_button(lst, title, name):
    """The star named name in the row that shows title."""
    label = find(lst, lambda a: role(a) == pyatspi.ROLE_LABEL and text_of(a) == title)
    item = label
    while item is not None and role(item) != pyatspi.ROLE_LIST_ITEM:
        item = item.parent
    return item and find(item, lambda a: a.name == name and role(a) == pyatspi.ROLE_PUSH_BUTTON)


def dismiss(label):
    """Closes the toast showing label with its close button, the toast's last button."""
    toast = label.parent
    while toast is not None and text_of(toast) != "AdwToastWidget":
        toast = toast.parent
    buttons = ui.find_all(toast, lambda a: role(a) == pyatspi.ROLE_PUSH_BUTTON) if toast else []
    if not buttons:
        raise Failure("the notice has no button to dismiss it")
    ui.click(buttons[-1])


def rescued():
    """The runtime folder's copies of stars not saved yet."""
    return [n for n in (os.listdir(RESCUE) if os.path.isdir(RESCUE) else [])
            if n.startswith("unsaved-stars-")]
