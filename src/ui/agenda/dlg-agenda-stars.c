/* dlg-agenda-stars.c: the agenda and the delegate's stars
 *
 * The stars of the event shown, read from the store; which of them overlap (core's
 * dlg_stars_overlapping()) and which a new copy of the agenda moved, put in another room or
 * dropped (dlg_stars_check()), for the rows' flags and the card above the list; and starring
 * itself, which goes to the store, whose "stars-changed" brings the page up to date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dlg-agenda-stars"

#include "config.h"

#include <glib/gi18n.h>

#include "dlg-agenda-page-internal.h"
#include "dlg-stars.h"
#include "dlg-toast.h"

const char *
dlg_agenda_page_event_id (DlgAgendaPage *self)
{
  DlgEvent *event = self->feed != NULL ? dlg_feed_get_event (self->feed) : NULL;

  return event != NULL ? dlg_event_get_id (event) : NULL;
}

gboolean
dlg_agenda_page_can_star (DlgAgendaPage *self)
{
  return self->store != NULL && dlg_agenda_page_event_id (self) != NULL;
}

gboolean
dlg_agenda_page_is_starred (DlgAgendaPage *self,
                            DlgSession    *session)
{
  return g_hash_table_contains (self->starred, dlg_session_get_key (session));
}

/* Starred sessions a new copy of the feed moved, put in another room or
 * dropped: flagged until the delegate looks (dropped ones in a card
 * above the list, until they remove the stars). */
static void
find_changes (DlgAgendaPage *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_clear_pointer (&self->changes, g_hash_table_unref);
  if (dlg_agenda_page_can_star (self) && self->feed != NULL)
    self->changes = dlg_stars_check (self->store, self->feed);
  else
    self->changes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (GPOINTER_TO_UINT (value) & DLG_STAR_CHANGE_GONE)
        {
          char *title = dlg_stars_seen_title (self->store, self->feed, key);

          g_ptr_array_add (gone, title != NULL ? title : g_strdup (key));
        }
    }

  if (gone->len > 0)
    {
      g_autofree char *titles = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (gone, NULL);
      titles = g_strjoinv (", ", (char **) gone->pdata);
      /* Translators: starred sessions a new copy of the agenda no longer has */
      text = g_strdup_printf (_("No longer in the agenda: %s"), titles);
      gtk_label_set_text (self->gone_label, text);
    }
  gtk_widget_set_visible (self->gone_box, gone->len > 0);
}

static void
stars_toast_dismissed_cb (DlgAgendaPage *self)
{
  self->stars_toast = NULL;
}

/* A star the file refused (a full disk) takes all the same: the store keeps it, and writes it
 * once it can.  The delegate is told why, by a toast that stays until they close it or the
 * stars are saved; one at a time, however many stars they press meanwhile. */
static void
tell_stars_unsaved (DlgAgendaPage *self,
                    const char    *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (overlay == NULL || self->stars_toast != NULL)
    return;
  if (!dlg_store_has_file (self->store))
    /* Kept in the runtime folder, they outlive a quit: no need to keep the app open. */
    /* Translators: %s says why, e.g. "Your stars are not saved yet: the file of your saved
     * data could not be opened" */
    text = g_strdup_printf (_("%s. They stay as shown, and are saved as soon as it opens, at "
                              "the latest at the next start."), error);
  else
    /* Translators: %s says why, e.g. "Your stars could not be saved: the disk is full" */
    text = g_strdup_printf (_("%s. Keep Delegate open: your stars stay as shown and are saved "
                              "as soon as the disk takes them."), error);
  toast = dlg_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  self->stars_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (stars_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
dlg_agenda_page_stars_error_cb (DlgAgendaPage *self)
{
  const char *error = self->store != NULL ? dlg_store_get_stars_error (self->store) : NULL;

  if (error != NULL)
    tell_stars_unsaved (self, error);
  else if (self->stars_toast != NULL)
    adw_toast_dismiss (self->stars_toast);
}

void
dlg_agenda_page_remove_gone_cb (DlgAgendaPage *self)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) & DLG_STAR_CHANGE_GONE)
      g_ptr_array_add (keys, g_strdup (key));

  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr(GError) error = NULL;

      /* Refused, the stars still go (the store keeps the change), the delegate told why. */
      if (!dlg_store_set_starred (self->store, dlg_agenda_page_event_id (self), g_ptr_array_index (keys, i),
                                  FALSE, &error))
        tell_stars_unsaved (self, error->message);
    }
}

void
dlg_agenda_page_load_stars (DlgAgendaPage *self)
{
  g_auto(GStrv) keys = NULL;

  g_hash_table_remove_all (self->starred);
  if (dlg_agenda_page_can_star (self))
    keys = dlg_store_list_starred (self->store, dlg_agenda_page_event_id (self));

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    g_hash_table_add (self->starred, g_strdup (keys[i]));

  g_clear_pointer (&self->overlapping, g_hash_table_unref);
  self->overlapping = self->feed != NULL
                      ? dlg_stars_overlapping (self->feed, (const char * const *) keys)
                      : g_hash_table_new (g_str_hash, g_str_equal);
  find_changes (self);
}

/* The open session's star, on its page, says what its row's says. */
void
dlg_agenda_page_show_detail_star (DlgAgendaPage *self)
{
  DlgSession *session = dlg_agenda_page_detail_session (self);

  dlg_session_view_set_starred (self->session_view,
                                session != NULL && dlg_agenda_page_can_star (self),
                                session != NULL && dlg_agenda_page_is_starred (self, session));
}

/* The star on the open session's page, for a delegate who has only that page in sight (a
 * narrow window): the same as its row's. */
void
dlg_agenda_page_detail_star_cb (DlgAgendaPage *self)
{
  DlgSession *session = dlg_agenda_page_detail_session (self);

  if (session != NULL)
    dlg_agenda_page_toggle_star (self, session);
}

void
dlg_agenda_page_stars_changed_cb (DlgAgendaPage *self,
                                  const char    *changed_event_id)
{
  if (g_strcmp0 (changed_event_id, dlg_agenda_page_event_id (self)) != 0)
    return;

  dlg_agenda_page_load_stars (self);
  if (gtk_toggle_button_get_active (self->mine_button))
    dlg_agenda_page_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  else
    dlg_agenda_page_rows_changed (self);
  dlg_agenda_page_show_detail_star (self);
}

void
dlg_agenda_page_toggle_star (DlgAgendaPage *self,
                             DlgSession    *session)
{
  g_autoptr(GError) error = NULL;
  gboolean starred;

  if (!dlg_agenda_page_can_star (self))
    return;

  starred = !dlg_agenda_page_is_starred (self, session);
  /* Unstarred in "My schedule", the open session leaves the list, from its row's star or its
   * page's: the page stays in sight (see show_session()), its star there to undo it. */
  if (!starred && gtk_toggle_button_get_active (self->mine_button) &&
      session == dlg_agenda_page_detail_session (self))
    {
      g_free (self->kept_key);
      self->kept_key = g_strdup (dlg_session_get_key (session));
    }
  /* The store's "stars-changed" updates the rows, a star the file refused too. */
  if (!dlg_store_set_starred (self->store, dlg_agenda_page_event_id (self), dlg_session_get_key (session),
                              starred, &error))
    tell_stars_unsaved (self, error->message);
}
