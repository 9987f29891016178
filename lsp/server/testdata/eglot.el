;;; eglot.el --- Emacs (28, Debian's elpa-eglot), batch: eglot runs one
;;; server per buffer, so singlepool runs in front of the stock gopls
;;; (`singlepool lsp -gopls=...`), configured as docs/editors.md says.
;;; TestEglot runs it and reads what it writes to SP_OUT.

(require 'go-mode)
(require 'eglot)

(defvar sp-out (getenv "SP_OUT"))
(defun sp-say (s)
  (write-region (concat s "\n") nil sp-out 'append 'silent))

(add-to-list 'eglot-server-programs
             `((go-mode go-ts-mode) . (,(getenv "SP_BIN") "lsp" ,(concat "-gopls=" (getenv "SP_GOPLS")))))

;; The diagnostics of the file, as the server last published them.
(defvar sp-diags nil)
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest args)
              (when (and (eq method 'textDocument/publishDiagnostics)
                         (string-suffix-p "/users/users.go" (plist-get args :uri)))
                (setq sp-diags (append (plist-get args :diagnostics) nil)))))

(defun sp-pick (ours)
  (seq-filter (lambda (d) (eq ours (equal (plist-get d :source) "singlepool"))) sp-diags))

(defun sp-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1))))

(find-file (concat (getenv "SP_DIR") "/users/users.go"))
(apply #'eglot (eglot--guess-contact))
(sp-wait (lambda () (eglot-current-server)) 60)

;; An unsaved edit: a pool of its own, and a printf mistake for gopls.
(erase-buffer)
(insert (getenv "SP_EDITED"))
;; eglot sends changes on an idle timer, and batch Emacs is never idle.
(eglot--signal-textDocument/didChange)
(sp-wait (lambda () (and (sp-pick t) (sp-pick nil))) 120)
(dolist (d (sp-pick t)) (sp-say (concat "singlepool: " (plist-get d :message))))
(dolist (d (sp-pick nil)) (sp-say (concat "gopls: " (plist-get d :message))))

(let ((d (car (sp-pick t))))
  (when d
    (let* ((range (plist-get d :range))
           (beg (eglot--lsp-position-to-point (plist-get range :start)))
           (end (eglot--lsp-position-to-point (plist-get range :end)))
           (fix (seq-find (lambda (a)
                            (and (eq (plist-get a :isPreferred) t)
                                 (equal (plist-get (aref (plist-get a :diagnostics) 0) :source) "singlepool")))
                          (eglot-code-actions beg end "quickfix"))))
      (when fix
        (eglot--apply-workspace-edit (plist-get fix :edit))
        (sp-say (concat "applied: " (plist-get fix :title))))
      (eglot--signal-textDocument/didChange)
      (save-buffer)
      (sp-wait (lambda () (and (null (sp-pick t)) (sp-pick nil))) 120)
      (sp-say (format "singlepool after the fix: %d" (length (sp-pick t))))
      (dolist (g (sp-pick nil)) (sp-say (concat "gopls after the fix: " (plist-get g :message)))))))
(sp-say "done")
(let ((server (eglot-current-server)))
  (when server (eglot-shutdown server)))
(kill-emacs 0)
