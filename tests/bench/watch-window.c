/* watch-window.c: how long a program takes to put its window on screen, seen from the X server
 *
 * An X11 client that measures any toolkit the same way (GTK, Qt, ...), with no help from the
 * program measured:
 *
 *   watch-window [OPTIONS] -- COMMAND [ARG...]
 *
 * It subscribes to the damage (XDamage) of the whole screen and to the mapping of top-level
 * windows, then forks and execs COMMAND (its stdout goes to stderr) and reports, in ms from the
 * exec:
 *   map_ms          the first top-level window of COMMAND (its _NET_WM_PID) is mapped;
 *   first_paint_ms  the first damage after that map: the first frame drawn into the window;
 *   complete_ms     the last damage before --quiet ms without any ("visually complete").
 * Then it ends COMMAND (SIGTERM, after 2 s SIGKILL) and reports its peak resident memory
 * (VmHWM read just before ending it, and the kernel's ru_maxrss from wait4).
 *
 * With --existing, COMMAND opens no window of its own (e.g. it hands a file to a program that
 * is already running): the clock runs from the exec to the first damage anywhere on the screen
 * and to the last damage before the quiet period; COMMAND is waited for, not killed.  With
 * --leave-running, COMMAND is left running after the measure (its pid is reported), so that a
 * later --existing measure can talk to it.
 *
 * With --title TEXT, the window is complete only after its title contains TEXT (the program's
 * way of saying its content is there, e.g. the event's name) and a frame drawn after that.
 *
 * Output: one line of JSON on stdout.  Exit status 0, or 1 when no window (or no damage) came
 * before --timeout ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
window_pid (Display *dpy,
            Window   window)
{
  static Atom net_wm_pid = None;
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  long pid = -1;

  if (net_wm_pid == None)
    net_wm_pid = XInternAtom (dpy, "_NET_WM_PID", False);
  if (XGetWindowProperty (dpy, window, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &after, &data) == Success && data != NULL)
    {
      if (type == XA_CARDINAL && format == 32 && n_items == 1)
        pid = (long) *(unsigned long *) data;
      XFree (data);
    }
  return pid;
}

/* Whether the title of @window (_NET_WM_NAME, else WM_NAME) contains @text. */
static int
title_contains (Display    *dpy,
                Window      window,
                const char *text)
{
  static Atom net_wm_name = None, utf8_string = None;
  Atom type;
  int format, found = 0;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  char *name = NULL;

  if (net_wm_name == None)
    {
      net_wm_name = XInternAtom (dpy, "_NET_WM_NAME", False);
      utf8_string = XInternAtom (dpy, "UTF8_STRING", False);
    }
  if (XGetWindowProperty (dpy, window, net_wm_name, 0, 1024, False, utf8_string, &type, &format,
                          &n_items, &after, &data) == Success && data != NULL)
    {
      found = type == utf8_string && strstr ((const char *) data, text) != NULL;
      XFree (data);
      if (found)
        return 1;
    }
  if (XFetchName (dpy, window, &name) && name != NULL)
    {
      found = strstr (name, text) != NULL;
      XFree (name);
    }
  return found;
}

static long
read_vm_hwm_kib (pid_t pid)
{
  char path[64], line[256];
  long kib = -1;
  FILE *f;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  f = fopen (path, "r");
  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (strncmp (line, "VmHWM:", 6) == 0)
      kib = strtol (line + 6, NULL, 10);
  fclose (f);
  return kib;
}

/* Waits up to @ms for @pid; returns TRUE when it ended, with its rusage. */
static int
wait_for (pid_t          pid,
          double         ms,
          int           *status,
          struct rusage *usage)
{
  double end = now_ms () + ms;

  do
    {
      pid_t r = wait4 (pid, status, WNOHANG, usage);

      if (r == pid)
        return 1;
      if (r < 0 && errno != EINTR)
        return 1;
      usleep (10000);
    }
  while (now_ms () < end);
  return 0;
}

static int
ignore_x_error_cb (Display     *dpy,
                   XErrorEvent *error)
{
  return 0;
}

/* Whether @window shows more than one colour: a window the server has only filled with its
 * background (as on map) is not yet a frame the program drew. */
static int
window_has_content (Display *dpy,
                    Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  int varied = 0;

  if (!XGetWindowAttributes (dpy, window, &attrs) || attrs.map_state != IsViewable)
    return 0;
  image = XGetImage (dpy, window, 0, 0, attrs.width, attrs.height, AllPlanes, ZPixmap);
  if (image == NULL)
    return 0;
  {
    unsigned long first = XGetPixel (image, 0, 0);

    for (int y = 0; y < attrs.height && !varied; y += 2)
      for (int x = 0; x < attrs.width; x += 2)
        if (XGetPixel (image, x, y) != first)
          {
            varied = 1;
            break;
          }
  }
  XDestroyImage (image);
  return varied;
}

static void
usage_exit (const char *argv0)
{
  fprintf (stderr,
           "usage: %s [--quiet MS] [--timeout MS] [--any-window] [--existing] "
           "[--leave-running] [--title TEXT] [--verbose] -- COMMAND [ARG...]\n", argv0);
  exit (2);
}

int
main (int    argc,
      char **argv)
{
  double quiet = 1500, timeout = 30000;
  int any_window = 0, existing = 0, leave_running = 0, verbose = 0;
  int first_arg = -1;
  Display *dpy;
  Window root;
  int damage_event, damage_error;
  Damage damage;
  double t0, t_map = -1, t_first = -1, t_last = -1, t_damage = -1, t_title = -1;
  const char *title = NULL;
  Window target = None;
  unsigned long n_damage = 0;
  pid_t pid;
  int status = 0, ended = 0, timed_out = 0;
  struct rusage usage;
  long hwm = -1;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        {
          first_arg = i + 1;
          break;
        }
      else if (strcmp (argv[i], "--quiet") == 0 && i + 1 < argc)
        quiet = atof (argv[++i]);
      else if (strcmp (argv[i], "--timeout") == 0 && i + 1 < argc)
        timeout = atof (argv[++i]);
      else if (strcmp (argv[i], "--any-window") == 0)
        any_window = 1;
      else if (strcmp (argv[i], "--existing") == 0)
        existing = 1;
      else if (strcmp (argv[i], "--leave-running") == 0)
        leave_running = 1;
      else if (strcmp (argv[i], "--verbose") == 0)
        verbose = 1;
      else if (strcmp (argv[i], "--title") == 0 && i + 1 < argc)
        title = argv[++i];
      else
        usage_exit (argv[0]);
    }
  if (first_arg < 0 || first_arg >= argc)
    usage_exit (argv[0]);

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      fprintf (stderr, "watch-window: cannot open the display\n");
      return 2;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      fprintf (stderr, "watch-window: the X server has no DAMAGE extension\n");
      return 2;
    }

  /* Damage on the root covers every window drawn on the screen (as x11vnc does): nothing is
   * missed between the map and a subscription on the new window itself. */
  root = DefaultRootWindow (dpy);
  XSelectInput (dpy, root, SubstructureNotifyMask);
  XSetErrorHandler (ignore_x_error_cb);
  damage = XDamageCreate (dpy, root, XDamageReportBoundingBox);
  if (existing && title != NULL)
    {
      /* The title may change on any window already there. */
      Window root_return, parent, *children = NULL;
      unsigned int n_children = 0;

      if (XQueryTree (dpy, root, &root_return, &parent, &children, &n_children))
        {
          for (unsigned int i = 0; i < n_children; i++)
            XSelectInput (dpy, children[i], PropertyChangeMask);
          XFree (children);
        }
    }
  XSync (dpy, False);
  /* Forget what was drawn before the exec. */
  XDamageSubtract (dpy, damage, None, None);
  XSync (dpy, False);
  while (XPending (dpy))
    {
      XEvent ev;

      XNextEvent (dpy, &ev);
    }

  memset (&usage, 0, sizeof usage);
  t0 = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("watch-window: fork");
      return 2;
    }
  if (pid == 0)
    {
      /* The measured program's chatter must not mix with our JSON. */
      dup2 (STDERR_FILENO, STDOUT_FILENO);
      close (ConnectionNumber (dpy));
      setpgid (0, 0);
      execvp (argv[first_arg], argv + first_arg);
      perror ("watch-window: exec");
      _exit (127);
    }

  for (;;)
    {
      double now = now_ms (), wait_ms;
      struct timeval tv;
      fd_set fds;

      while (XPending (dpy))
        {
          XEvent ev;

          XNextEvent (dpy, &ev);
          now = now_ms ();
          if (ev.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *dev = (XDamageNotifyEvent *) &ev;

              XDamageSubtract (dpy, damage, None, None);
              if (verbose)
                fprintf (stderr, "watch-window: %8.1f ms damage %dx%d+%d+%d\n", now - t0,
                         dev->area.width, dev->area.height, dev->area.x, dev->area.y);
              if (existing || target != None)
                {
                  if (t_damage < 0)
                    t_damage = now;
                  if (t_first < 0 && (existing || window_has_content (dpy, target)))
                    t_first = now;
                  t_last = now;
                  n_damage++;
                }
            }
          else if (ev.type == MapNotify && !existing && target == None &&
                   !ev.xmap.override_redirect)
            {
              if (any_window || window_pid (dpy, ev.xmap.window) == (long) pid)
                {
                  target = ev.xmap.window;
                  t_map = now;
                  XSelectInput (dpy, target, PropertyChangeMask);
                  if (title != NULL && t_title < 0 && title_contains (dpy, target, title))
                    t_title = now;
                  if (verbose)
                    fprintf (stderr, "watch-window: %8.1f ms map of 0x%lx\n", now - t0,
                             (unsigned long) target);
                }
            }
          else if (ev.type == PropertyNotify && title != NULL && t_title < 0 &&
                   (existing || ev.xproperty.window == target) &&
                   title_contains (dpy, ev.xproperty.window, title))
            {
              t_title = now;
              if (verbose)
                fprintf (stderr, "watch-window: %8.1f ms title has \"%s\"\n", now - t0, title);
            }
        }

      if (!ended && !leave_running && !existing && wait4 (pid, &status, WNOHANG, &usage) == pid)
        {
          /* It ended before we did: nothing more will come. */
          ended = 1;
          break;
        }

      /* The quiet period counts from a drawn frame, not from the server's background fill,
       * and with --title from a frame drawn once the title says the content is there. */
      if (t_first >= 0 && (title == NULL || (t_title >= 0 && t_last >= t_title)))
        {
          if (now - t_last >= quiet)
            break;
          wait_ms = quiet - (now - t_last);
        }
      else
        wait_ms = 50;

      if (now - t0 > timeout)
        {
          timed_out = 1;
          break;
        }

      FD_ZERO (&fds);
      FD_SET (ConnectionNumber (dpy), &fds);
      tv.tv_sec = (time_t) (wait_ms / 1000);
      tv.tv_usec = (suseconds_t) ((wait_ms - tv.tv_sec * 1000.0) * 1000);
      select (ConnectionNumber (dpy) + 1, &fds, NULL, NULL, &tv);
    }

  if (!ended && !leave_running)
    {
      if (existing)
        {
          /* The command only hands something over: it ends by itself. */
          ended = wait_for (pid, 10000, &status, &usage);
          if (!ended)
            kill (-pid, SIGKILL), wait4 (pid, &status, 0, &usage);
        }
      else
        {
          hwm = read_vm_hwm_kib (pid);
          kill (pid, SIGTERM);
          if (!wait_for (pid, 2000, &status, &usage))
            {
              kill (-pid, SIGKILL);
              wait4 (pid, &status, 0, &usage);
            }
          /* Anything it started in its process group goes too. */
          kill (-pid, SIGKILL);
        }
    }
  else if (leave_running)
    hwm = read_vm_hwm_kib (pid);

  printf ("{\"command\": \"%s\", \"pid\": %d, \"map_ms\": %.1f, \"first_paint_ms\": %.1f, "
          "\"complete_ms\": %.1f, \"damage_events\": %lu, \"vm_hwm_kib\": %ld, "
          "\"maxrss_kib\": %ld, \"quiet_ms\": %.0f, \"timed_out\": %s, \"exited_early\": %s, "
          "\"first_damage_ms\": %.1f, \"title_ms\": %.1f}\n",
          argv[first_arg], (int) pid,
          t_map >= 0 ? t_map - t0 : -1.0,
          t_first >= 0 ? t_first - t0 : -1.0,
          t_last >= 0 ? t_last - t0 : -1.0,
          n_damage, hwm, (long) usage.ru_maxrss, quiet,
          timed_out ? "true" : "false",
          ended && !existing && t_last < 0 ? "true" : "false",
          t_damage >= 0 ? t_damage - t0 : -1.0,
          t_title >= 0 ? t_title - t0 : -1.0);
  fflush (stdout);

  XDamageDestroy (dpy, damage);
  XCloseDisplay (dpy);
  return timed_out || t_first < 0 ? 1 : 0;
}
