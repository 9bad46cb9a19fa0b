"""The panel: whole scripted sessions judged as an HR professional would judge them."""
